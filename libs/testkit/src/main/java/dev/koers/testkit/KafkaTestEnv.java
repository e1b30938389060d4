package dev.koers.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** What an integration test gets from {@link KafkaExtension}: a real Kafka and a few helpers for it. */
public final class KafkaTestEnv {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final String bootstrapServers;
    private final String source;
    private final Admin admin;

    KafkaTestEnv(String bootstrapServers, String source, Admin admin) {
        this.bootstrapServers = bootstrapServers;
        this.source = source;
        this.admin = admin;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** "embedded", "testcontainers" or "external". */
    public String source() {
        return source;
    }

    /** An admin client shared by all tests; the extension closes it, tests must not. */
    public Admin admin() {
        return admin;
    }

    /** A new, modifiable client config that holds only the bootstrap servers. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** The base plus a short random suffix, usable as a topic, group or transactional id. */
    public String uniqueName(String base) {
        return UniqueNames.next(base);
    }

    /**
     * Creates the topics with the cluster's default replication factor and returns once every partition has a
     * leader, so clients can use them right away.
     */
    public void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty()))
                .toList();
        awaitFuture(admin.createTopics(topics).all(), "create topics " + Arrays.toString(names));
        await("leaders for " + Arrays.toString(names))
                .atMost(TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .ignoreExceptionsMatching(KafkaTestEnv::isUnknownTopic)
                .until(() -> everyPartitionHasALeader(names));
    }

    private boolean everyPartitionHasALeader(String... names) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(List.of(names)).allTopicNames().get();
        return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream())
                .allMatch(partition -> partition.leader() != null);
    }

    private static boolean isUnknownTopic(Throwable e) {
        return e instanceof ExecutionException && e.getCause() instanceof UnknownTopicOrPartitionException;
    }

    private <T> T awaitFuture(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not " + what + " on Kafka at " + bootstrapServers, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    @Override
    public String toString() {
        return "KafkaTestEnv[" + source + " at " + bootstrapServers + "]";
    }
}
