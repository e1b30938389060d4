package dev.koers.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    private final BrokerSettings settings = BrokerSettings.inDirectory(Path.of("/var/koers")).withDefaultPartitions(5);
    private final BrokerPorts ports = new BrokerPorts(19092, 19093);

    @Test
    void describesOneCombinedNodeWithAStaticVoterOnLoopback() {
        Properties props = BrokerConfig.properties(settings, ports);

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .containsEntry("log.dirs", Path.of("/var/koers/kafka-logs").toString())
                .containsEntry("num.partitions", "5")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .doesNotContainKey("controller.quorum.bootstrap.servers");
    }

    @Test
    void internalTopicsFitOnOneBroker() {
        Properties props = BrokerConfig.properties(settings, ports);

        assertThat(props)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    @Test
    void aTransactionsFirstWriteWaitsOnTheBrokerForTheLastCommitsMarkers() {
        Properties props = BrokerConfig.properties(settings, ports);

        assertThat(props).containsEntry("add.partitions.to.txn.retry.backoff.max.ms", "2000");
    }

    @Test
    void overridesWinOverEverythingElse() {
        Properties props = BrokerConfig.properties(
                settings.withOverride("num.io.threads", "8").withOverride("auto.create.topics.enable", "true"), ports);

        assertThat(props)
                .containsEntry("num.io.threads", "8")
                .containsEntry("auto.create.topics.enable", "true");
    }

    @Test
    void bootstrapServersNameTheBrokerPort() {
        assertThat(BrokerConfig.bootstrapServers(ports)).isEqualTo("127.0.0.1:19092");
    }
}
