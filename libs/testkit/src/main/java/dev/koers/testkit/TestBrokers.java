package dev.koers.testkit;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses where the tests' Kafka comes from and starts it. */
final class TestBrokers {

    private static final Logger LOG = LoggerFactory.getLogger(TestBrokers.class);

    private TestBrokers() {
    }

    static TestBroker startChosen() {
        return start(System::getenv, DockerProbe::isDockerAvailable);
    }

    static TestBroker start(Function<String, String> environment, BooleanSupplier dockerAvailable) {
        BrokerSource source = BrokerSource.choose(environment, dockerAvailable);
        TestBroker broker = switch (source) {
            case EXTERNAL -> new ExternalBroker(BrokerSource.externalBootstrap(environment));
            case TESTCONTAINERS -> ContainerBroker.start();
            case EMBEDDED -> EmbeddedBroker.start();
        };
        LOG.info("Kafka for tests: {} at {}", source.label(), broker.bootstrapServers());
        return broker;
    }
}
