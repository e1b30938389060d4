package dev.koers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@link SharedBrokerFirstIT} in the same test JVM and finds what it left: proof that both classes
 * got the same broker. Run on its own, it fails, since nothing created the proof topic.
 */
@KafkaIntegrationTest
@Order(2)
class SharedBrokerSecondIT {

    private final KafkaTestEnv env;

    SharedBrokerSecondIT(KafkaTestEnv env) {
        this.env = env;
    }

    @Test
    void everyInjectionPointGetsTheSameEnvironment(KafkaTestEnv methodParameter) {
        assertThat(methodParameter).isSameAs(env);
    }

    @Test
    void seesTheTopicAndTheRecordTheFirstClassLeft() throws Exception {
        assertThat(env.admin().listTopics().names().get()).contains(SharedProofTopic.NAME);

        assertThat(SharedProofTopic.readAtLeast(env, 1))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo("written-by");
                    assertThat(record.value()).isEqualTo(env.bootstrapServers());
                });
    }
}
