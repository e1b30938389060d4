package dev.koers.kafka.embedded;

import java.nio.file.Path;

/** Where a broker keeps its files inside its data directory, so both launch modes agree. */
record DataDirLayout(Path root) {

    Path logDir() {
        return root.resolve("kafka-logs");
    }

    Path metaProperties() {
        return logDir().resolve("meta.properties");
    }

    Path serverProperties() {
        return root.resolve("server.properties");
    }

    Path childLog() {
        return root.resolve("broker.log");
    }
}
