package dev.koers.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerPortsTest {

    private final BrokerSettings settings = BrokerSettings.inDirectory(Path.of("data"));

    @Test
    void keepsPortsThatAreGiven() {
        assertThat(BrokerPorts.resolve(settings.withBrokerPort(19092).withControllerPort(19093)))
                .isEqualTo(new BrokerPorts(19092, 19093));
    }

    @Test
    void picksTwoDistinctFreePortsForZeros() {
        BrokerPorts ports = BrokerPorts.resolve(settings);

        assertThat(ports.broker()).isPositive().isNotEqualTo(ports.controller());
        assertThat(ports.controller()).isPositive();
    }

    @Test
    void picksAFreePortOnlyWhereOneIsMissing() {
        BrokerPorts ports = BrokerPorts.resolve(settings.withBrokerPort(19092));

        assertThat(ports.broker()).isEqualTo(19092);
        assertThat(ports.controller()).isPositive().isNotEqualTo(19092);
    }

    @Test
    void rejectsTheSamePortTwice() {
        assertThatThrownBy(() -> new BrokerPorts(9092, 9092)).isInstanceOf(IllegalArgumentException.class);
    }
}
