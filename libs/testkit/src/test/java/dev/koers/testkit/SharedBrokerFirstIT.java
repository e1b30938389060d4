package dev.koers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs before {@link SharedBrokerSecondIT} and leaves a topic and a record for it on the shared broker. */
@KafkaIntegrationTest
@Order(1)
class SharedBrokerFirstIT {

    private final KafkaTestEnv env;

    SharedBrokerFirstIT(KafkaTestEnv env) {
        this.env = env;
    }

    @BeforeAll
    static void createProofTopic(KafkaTestEnv env) {
        env.createTopics(1, SharedProofTopic.NAME);
    }

    @Test
    void leavesARecordForTheSecondClass() throws Exception {
        SharedProofTopic.write(env, "written-by", env.bootstrapServers());

        assertThat(SharedProofTopic.readAtLeast(env, 1)).hasSize(1);
    }

    @Test
    void uniqueNamesAreDistinctTopicsReadyForUse() throws Exception {
        String orders = env.uniqueName("orders");
        String sameBase = env.uniqueName("orders");

        env.createTopics(2, orders, sameBase);

        assertThat(orders).isNotEqualTo(sameBase).startsWith("orders-");
        List<TopicDescription> topics = List.copyOf(
                env.admin().describeTopics(List.of(orders, sameBase)).allTopicNames().get().values());
        assertThat(topics).hasSize(2).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
    }

    @Test
    void clientConfigHoldsOnlyTheBootstrapServersAndIsOursToExtend() {
        assertThat(env.clientConfig()).containsOnlyKeys("bootstrap.servers")
                .containsEntry("bootstrap.servers", env.bootstrapServers());
        env.clientConfig().put("client.id", "changed");
        assertThat(env.clientConfig()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void sourceNamesWhereTheBrokerCameFrom() {
        String expected = System.getenv(BrokerSource.BOOTSTRAP_ENV) == null ? env.source() : "external";

        assertThat(env.source()).isIn("embedded", "testcontainers", "external").isEqualTo(expected);
    }
}
