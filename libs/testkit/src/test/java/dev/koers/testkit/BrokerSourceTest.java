package dev.koers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BrokerSourceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void aNamedClusterWinsAndDockerIsNotEvenAsked() {
        AtomicBoolean dockerAsked = new AtomicBoolean();
        Map<String, String> env = Map.of(BrokerSource.BOOTSTRAP_ENV, " kafka-1:9092,kafka-2:9092 ");

        BrokerSource source = BrokerSource.choose(env::get, () -> dockerAsked.getAndSet(true));

        assertThat(source).isEqualTo(BrokerSource.EXTERNAL);
        assertThat(dockerAsked).isFalse();
        assertThat(BrokerSource.externalBootstrap(env::get)).isEqualTo("kafka-1:9092,kafka-2:9092");
    }

    @Test
    void dockerIsNextThenTheEmbeddedBroker() {
        Map<String, String> env = Map.of();

        assertThat(BrokerSource.choose(env::get, DOCKER)).isEqualTo(BrokerSource.TESTCONTAINERS);
        assertThat(BrokerSource.choose(env::get, NO_DOCKER)).isEqualTo(BrokerSource.EMBEDDED);
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        Map<String, String> env = Map.of(BrokerSource.BOOTSTRAP_ENV, "  ");

        assertThat(BrokerSource.choose(env::get, NO_DOCKER)).isEqualTo(BrokerSource.EMBEDDED);
    }

    @Test
    void externalBrokerReportsItsSourceAndIsNotStopped() {
        ExternalBroker broker = new ExternalBroker("kafka:9092");
        broker.close();

        assertThat(broker.source().label()).isEqualTo("external");
        assertThat(broker.bootstrapServers()).isEqualTo("kafka:9092");
    }
}
