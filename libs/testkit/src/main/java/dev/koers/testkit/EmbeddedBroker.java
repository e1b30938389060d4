package dev.koers.testkit;

import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An in-process broker in a temporary directory that is deleted when the broker stops. */
final class EmbeddedBroker implements TestBroker {

    private final EmbeddedKafka kafka;

    private EmbeddedBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    static EmbeddedBroker start() {
        Path dataDir = createTempDir();
        try {
            return new EmbeddedBroker(EmbeddedKafka.start(BrokerSettings.inDirectory(dataDir)));
        } catch (RuntimeException e) {
            deleteRecursively(dataDir);
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public BrokerSource source() {
        return BrokerSource.EMBEDDED;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            deleteRecursively(kafka.dataDir());
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("koers-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a data directory for the test broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete test broker data in " + dir, e);
        }
    }
}
