package dev.koers.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.Properties;

/** The one place that turns settings into broker properties, for the in-process and the child-JVM broker. */
final class BrokerConfig {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final int TRANSACTION_WRITE_WAIT_MS = 2000;

    private BrokerConfig() {
    }

    static Properties properties(BrokerSettings settings, BrokerPorts ports) {
        DataDirLayout layout = new DataDirLayout(settings.dataDir());
        Properties props = new Properties();
        // One combined node with a static voter set: the voter's address lives in the config, not in the
        // metadata log, so a restart on the same data directory may use other ports.
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + ports.controller());
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + ports.broker() + ",CONTROLLER://" + HOST + ":" + ports.controller());
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + ports.broker());
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", layout.logDir().toAbsolutePath().toString());

        // A single broker can only ever hold one replica of anything.
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");

        props.put("num.partitions", String.valueOf(settings.defaultPartitions()));
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");

        // After a crash the restarted broker may only register once its old session has expired (default 9 s).
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "3000");

        // Sized for a shared 2-core machine: few threads, few internal partitions, small buffers.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.num.partitions", "5");

        // A transaction's first write to a partition whose last commit markers are still being written waits here
        // (retried every 20 ms) instead of failing with CONCURRENT_TRANSACTIONS after 100 ms, which the producer
        // then retries with its own backoff of 100 ms growing to 1 s: that backoff held up every commit of the
        // ledger and the views (docs/benchmarks.md, "Optimisation pass").
        props.put("add.partitions.to.txn.retry.backoff.max.ms", String.valueOf(TRANSACTION_WRITE_WAIT_MS));

        props.putAll(settings.overrides());
        return props;
    }

    /** Writes the properties as the server.properties that formatting and the child JVM both read. */
    static void write(Properties props, DataDirLayout layout) {
        try {
            Files.createDirectories(layout.root());
            try (Writer out = Files.newBufferedWriter(layout.serverProperties())) {
                props.store(out, "Written by koers-embedded-kafka; rewritten on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + layout.serverProperties(), e);
        }
    }

    static String bootstrapServers(BrokerPorts ports) {
        return HOST + ":" + ports.broker();
    }
}
