package dev.koers.kafka.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a single-node broker should look like. A port of 0 means "pick a free one at start".
 *
 * @param dataDir           directory that holds the broker's config, logs and metadata; reused across restarts
 * @param brokerPort        PLAINTEXT port for clients, or 0
 * @param controllerPort    KRaft controller port, or 0
 * @param defaultPartitions partitions of a topic created without an explicit count
 * @param overrides         broker properties applied last, over everything this library sets
 */
public record BrokerSettings(
        Path dataDir, int brokerPort, int controllerPort, int defaultPartitions, Map<String, String> overrides) {

    public static final int DEFAULT_PARTITIONS = 3;

    public BrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort(brokerPort, "brokerPort");
        requirePort(controllerPort, "controllerPort");
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions must be at least 1, was " + defaultPartitions);
        }
        overrides = Map.copyOf(overrides);
    }

    /** Free ports, {@value #DEFAULT_PARTITIONS} default partitions, no overrides. */
    public static BrokerSettings inDirectory(Path dataDir) {
        return new BrokerSettings(dataDir, 0, 0, DEFAULT_PARTITIONS, Map.of());
    }

    public BrokerSettings withDataDir(Path newDataDir) {
        return new BrokerSettings(newDataDir, brokerPort, controllerPort, defaultPartitions, overrides);
    }

    public BrokerSettings withBrokerPort(int port) {
        return new BrokerSettings(dataDir, port, controllerPort, defaultPartitions, overrides);
    }

    public BrokerSettings withControllerPort(int port) {
        return new BrokerSettings(dataDir, brokerPort, port, defaultPartitions, overrides);
    }

    public BrokerSettings withPorts(BrokerPorts ports) {
        return new BrokerSettings(dataDir, ports.broker(), ports.controller(), defaultPartitions, overrides);
    }

    public BrokerSettings withDefaultPartitions(int partitions) {
        return new BrokerSettings(dataDir, brokerPort, controllerPort, partitions, overrides);
    }

    /** Adds one broker property override (replacing an earlier one with the same key). */
    public BrokerSettings withOverride(String key, String value) {
        return withOverrides(Map.of(key, value));
    }

    /** Adds broker property overrides (replacing earlier ones with the same keys). */
    public BrokerSettings withOverrides(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new BrokerSettings(dataDir, brokerPort, controllerPort, defaultPartitions, merged);
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (free) or a TCP port, was " + port);
        }
    }
}
