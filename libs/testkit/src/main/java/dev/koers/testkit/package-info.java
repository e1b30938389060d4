/**
 * Real Kafka for integration tests.
 *
 * <pre>{@code
 * @KafkaIntegrationTest
 * class LedgerIT {
 *     @Test
 *     void appends(KafkaTestEnv kafka) {
 *         String topic = kafka.uniqueName("decisions");
 *         kafka.createTopics(3, topic);
 *         // clients use kafka.clientConfig()
 *     }
 * }
 * }</pre>
 *
 * <p>The broker is, in this order: the cluster named by the environment variable {@code KOERS_TEST_BOOTSTRAP},
 * a Testcontainers Kafka if Docker is available, or an in-process broker. One broker serves every test class of
 * a test JVM and stops when the run ends.
 */
package dev.koers.testkit;
