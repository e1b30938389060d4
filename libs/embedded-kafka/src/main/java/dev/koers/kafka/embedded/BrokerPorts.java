package dev.koers.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ports a broker listens on, fixed before the config is written (KRaft formats with the controller
 * port already in the config).
 */
public record BrokerPorts(int broker, int controller) {

    public BrokerPorts {
        if (broker <= 0 || controller <= 0 || broker == controller) {
            throw new IllegalArgumentException("need two distinct ports, got " + broker + " and " + controller);
        }
    }

    /** Keeps the ports the settings name and picks free ones for those given as 0. */
    public static BrokerPorts resolve(BrokerSettings settings) {
        List<Integer> free = freePorts(countZeros(settings.brokerPort(), settings.controllerPort()));
        int broker = settings.brokerPort() != 0 ? settings.brokerPort() : free.remove(0);
        int controller = settings.controllerPort() != 0 ? settings.controllerPort() : free.remove(0);
        return new BrokerPorts(broker, controller);
    }

    /** Free broker and controller ports for {@code count} brokers, all distinct: a cluster's voters need them all up front. */
    public static List<BrokerPorts> free(int count) {
        List<Integer> ports = freePorts(2 * count);
        List<BrokerPorts> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pairs.add(new BrokerPorts(ports.get(2 * i), ports.get(2 * i + 1)));
        }
        return pairs;
    }

    private static int countZeros(int... ports) {
        int zeros = 0;
        for (int port : ports) {
            zeros += port == 0 ? 1 : 0;
        }
        return zeros;
    }

    // All sockets stay open until every port is known, so the OS cannot hand out the same port twice.
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port on the loopback interface", e);
        } finally {
            sockets.forEach(BrokerPorts::release);
        }
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release probe socket " + socket, e);
        }
    }
}
