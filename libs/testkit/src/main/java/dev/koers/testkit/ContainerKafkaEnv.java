package dev.koers.testkit;

/** The Kafka container a {@link ContainerKafka} test runs against. */
public record ContainerKafkaEnv(String bootstrapServers, String image) {}
