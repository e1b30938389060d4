/**
 * A real single-node Kafka (KRaft, broker and controller in one) without Docker.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerSettings.inDirectory(dir))) {
 *     producerConfig.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>{@link dev.koers.kafka.embedded.EmbeddedKafka} runs in this JVM; {@link dev.koers.kafka.embedded.ChildProcessKafka}
 * runs the same broker in a child JVM that a crash test can kill. A data directory is formatted once and can be
 * started again later, also on other ports, and finds all its topics and records.
 */
package dev.koers.kafka.embedded;
