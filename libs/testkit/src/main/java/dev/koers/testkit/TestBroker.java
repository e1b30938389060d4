package dev.koers.testkit;

/** A Kafka cluster that tests can reach, however it came to be. */
interface TestBroker extends AutoCloseable {

    String bootstrapServers();

    BrokerSource source();

    /** Stops what this test run started; a cluster it did not start is left alone. */
    @Override
    void close();
}
