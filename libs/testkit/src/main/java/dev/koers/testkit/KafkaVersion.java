package dev.koers.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/** The Kafka version the build's clients are, as kafka-clients records it, for pinning broker images to it. */
public final class KafkaVersion {

    private KafkaVersion() {
    }

    public static String ofClients() {
        Properties properties = new Properties();
        try (InputStream in = Admin.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka-clients has no kafka/kafka-version.properties");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
