package dev.koers.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    private final BrokerSettings defaults = BrokerSettings.inDirectory(Path.of("data"));

    @Test
    void defaultsPickFreePortsAndThreePartitions() {
        assertThat(defaults.brokerPort()).isZero();
        assertThat(defaults.controllerPort()).isZero();
        assertThat(defaults.defaultPartitions()).isEqualTo(3);
        assertThat(defaults.overrides()).isEmpty();
    }

    @Test
    void withersChangeOnlyTheirField() {
        BrokerSettings changed = defaults.withBrokerPort(9092).withControllerPort(9093).withDefaultPartitions(6);

        assertThat(changed).isEqualTo(new BrokerSettings(Path.of("data"), 9092, 9093, 6, Map.of()));
        assertThat(defaults.brokerPort()).isZero();
    }

    @Test
    void overridesAccumulateAndTheLaterValueWins() {
        BrokerSettings changed = defaults
                .withOverride("log.retention.ms", "1000")
                .withOverrides(Map.of("log.retention.ms", "2000", "num.io.threads", "4"));

        assertThat(changed.overrides()).containsOnly(
                Map.entry("log.retention.ms", "2000"), Map.entry("num.io.threads", "4"));
    }

    @Test
    void rejectsImpossibleValues() {
        assertThatThrownBy(() -> defaults.withBrokerPort(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withControllerPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withDefaultPartitions(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerSettings.inDirectory(null)).isInstanceOf(NullPointerException.class);
    }
}
