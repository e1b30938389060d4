package dev.koers.testkit;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The one broker and admin client of a test JVM; JUnit closes it with the root extension context. */
final class SharedKafka implements AutoCloseable {

    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final TestBroker broker;
    private final Admin admin;
    private final KafkaTestEnv env;

    private SharedKafka(TestBroker broker, Admin admin) {
        this.broker = broker;
        this.admin = admin;
        this.env = new KafkaTestEnv(broker.bootstrapServers(), broker.source().label(), admin);
    }

    static SharedKafka start() {
        TestBroker broker = TestBrokers.startChosen();
        try {
            Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
            return new SharedKafka(broker, admin);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    KafkaTestEnv env() {
        return env;
    }

    @Override
    public void close() {
        try {
            admin.close(ADMIN_CLOSE_TIMEOUT);
        } finally {
            broker.close();
        }
    }
}
