package dev.koers.wire;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The first thing a service asks Kafka, so that wrong credentials, a failed TLS handshake or an unreachable
 * cluster stop it at start with one line saying which, instead of a stream thread failing later.
 */
public final class KafkaAccess {

  /** Long enough for a cluster that is still electing its controllers, short enough to be told soon. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private KafkaAccess() {}

  /** @throws KafkaAccessException naming what went wrong */
  public static void check(Admin admin, KafkaConnection connection, Duration timeout) {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).clusterId().get();
    } catch (ExecutionException e) {
      throw new KafkaAccessException(describe(e.getCause(), connection, timeout), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaAccessException("interrupted while asking Kafka at " + connection, e);
    }
  }

  private static String describe(Throwable cause, KafkaConnection connection, Duration timeout) {
    if (cause instanceof SaslAuthenticationException) {
      return "Kafka at " + connection + " refused the credentials (check the user name and password): "
          + cause.getMessage();
    }
    if (cause instanceof SslAuthenticationException) {
      return "the TLS handshake with Kafka at " + connection + " failed (check the truststore and the host name): "
          + cause.getMessage();
    }
    if (cause instanceof AuthorizationException) {
      return "Kafka at " + connection + " does not allow this user to describe the cluster (see the ACLs in "
          + "docs/operations.md): " + cause.getMessage();
    }
    if (cause instanceof TimeoutException) {
      return "Kafka at " + connection + " did not answer within " + timeout + " (check the bootstrap servers, "
          + "the listener and its security protocol)";
    }
    return "cannot reach Kafka at " + connection + ": " + cause.getMessage();
  }
}
