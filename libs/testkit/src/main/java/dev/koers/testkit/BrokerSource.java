package dev.koers.testkit;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Where the tests' Kafka comes from, in order of preference. */
enum BrokerSource {
    EXTERNAL("external"),
    TESTCONTAINERS("testcontainers"),
    EMBEDDED("embedded");

    /** Names the bootstrap servers of a running cluster to use instead of starting one. */
    static final String BOOTSTRAP_ENV = "KOERS_TEST_BOOTSTRAP";

    private final String label;

    BrokerSource(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** An external cluster if the environment names one, else Docker if it is there, else in-process. */
    static BrokerSource choose(Function<String, String> environment, BooleanSupplier dockerAvailable) {
        if (externalBootstrap(environment) != null) {
            return EXTERNAL;
        }
        return dockerAvailable.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
    }

    /** The trimmed bootstrap servers named by {@value #BOOTSTRAP_ENV}, or null if it is unset or blank. */
    static String externalBootstrap(Function<String, String> environment) {
        String value = environment.apply(BOOTSTRAP_ENV);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
