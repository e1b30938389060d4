package dev.koers.kafka.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits until a broker answers a describe-cluster request, the way a real client would find it. */
final class BrokerReadiness {

    // Each attempt blocks until the broker answers or this passes, so the loop paces itself.
    private static final Duration ATTEMPT = Duration.ofMillis(1_000);

    private BrokerReadiness() {
    }

    /**
     * @param aliveCheck throws if the broker is known to be gone, so a dead broker fails fast instead of at the
     *                   deadline
     */
    static void await(String bootstrapServers, Duration timeout, Runnable aliveCheck) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            while (true) {
                aliveCheck.run();
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new BrokerStartException("Kafka broker at " + bootstrapServers + " did not answer within " + timeout);
                }
                if (answers(admin, left.compareTo(ATTEMPT) < 0 ? left : ATTEMPT)) {
                    return;
                }
            }
        }
    }

    private static boolean answers(Admin admin, Duration attempt) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) attempt.toMillis())).nodes().get();
            return true;
        } catch (ExecutionException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250);
    }
}
