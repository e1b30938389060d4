package dev.koers.kafka.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

/** Free loopback ports that are guaranteed to differ from ports a test used before. */
final class TestPorts {

    private TestPorts() {
    }

    static BrokerPorts freePortsOtherThan(BrokerPorts previous) throws IOException {
        Set<Integer> taken = Set.of(previous.broker(), previous.controller());
        try (ServerSocket broker = openFreeOtherThan(taken); ServerSocket controller = openFreeOtherThan(taken)) {
            return new BrokerPorts(broker.getLocalPort(), controller.getLocalPort());
        }
    }

    private static ServerSocket openFreeOtherThan(Set<Integer> taken) throws IOException {
        while (true) {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            if (!taken.contains(socket.getLocalPort())) {
                return socket;
            }
            socket.close();
        }
    }
}
