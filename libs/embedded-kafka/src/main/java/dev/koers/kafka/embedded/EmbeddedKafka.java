package dev.koers.kafka.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real single-node KRaft broker (broker and controller in one) running inside this JVM. */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final BrokerPorts ports;
    private final Path dataDir;
    private final String clusterId;
    private boolean closed; // guarded by this

    private EmbeddedKafka(KafkaRaftServer server, BrokerPorts ports, Path dataDir, String clusterId) {
        this.server = server;
        this.ports = ports;
        this.dataDir = dataDir;
        this.clusterId = clusterId;
    }

    /**
     * Formats the data directory if it is new, starts the broker and returns once it answers clients.
     *
     * @throws BrokerStartException if formatting fails or the broker does not answer in time
     */
    public static EmbeddedKafka start(BrokerSettings settings) {
        BrokerPorts ports = BrokerPorts.resolve(settings);
        DataDirLayout layout = new DataDirLayout(settings.dataDir());
        Properties props = BrokerConfig.properties(settings, ports);
        BrokerConfig.write(props, layout);
        String clusterId = StorageFormatter.formatIfNeeded(layout);

        ExitGuard.acquire();
        KafkaRaftServer server;
        try {
            server = startServer(props);
        } catch (RuntimeException e) {
            ExitGuard.release();
            throw new BrokerStartException("Kafka broker in " + settings.dataDir() + " failed to start", e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, ports, settings.dataDir(), clusterId);
        try {
            BrokerReadiness.await(kafka.bootstrapServers(), READY_TIMEOUT, () -> { });
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LOG.info("Kafka broker ready at {} (data: {})", kafka.bootstrapServers(), settings.dataDir());
        return kafka;
    }

    // A half-started server still holds threads and ports, so it is shut down before the failure propagates.
    private static KafkaRaftServer startServer(Properties props) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
            return server;
        } catch (RuntimeException startFailure) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException shutdownFailure) {
                startFailure.addSuppressed(shutdownFailure);
            }
            throw startFailure;
        }
    }

    public String bootstrapServers() {
        return BrokerConfig.bootstrapServers(ports);
    }

    public BrokerPorts ports() {
        return ports;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The id written when the data directory was formatted; the same after every restart on it. */
    public String clusterId() {
        return clusterId;
    }

    /** Shuts the broker down and waits for it; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            ExitGuard.release();
        }
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }
}
