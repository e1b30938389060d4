package dev.koers.testkit;

/** A cluster someone else runs (named by KOERS_TEST_BOOTSTRAP); the tests only connect to it. */
record ExternalBroker(String bootstrapServers) implements TestBroker {

    @Override
    public BrokerSource source() {
        return BrokerSource.EXTERNAL;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
