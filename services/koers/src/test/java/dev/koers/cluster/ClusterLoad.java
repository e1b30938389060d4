package dev.koers.cluster;

import dev.koers.client.KoersClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A steady load on an installation from several clients at once: HTTP clients, each a manager alternating
 * between the API instances, and Java clients, each a {@link KoersClient} on the brokers. Every client runs its
 * lanes of decisions until {@link #stop()}; all their first answers go to one {@link Acknowledgements}.
 */
public final class ClusterLoad implements AutoCloseable {

  private final List<HttpLoadClient> httpClients = new ArrayList<>();
  private final List<JavaLoadClient> javaClients = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CompletableFuture<Void> done;

  /** The load's shape. */
  public record Shape(int httpClients, int javaClients, int lanesPerClient, Duration requestTimeout,
                      Duration giveUpAfter) {}

  private ClusterLoad(KoersCluster cluster, Acknowledgements acknowledgements, Shape shape) {
    List<String> instances = IntStream.rangeClosed(1, cluster.apiCount()).mapToObj(cluster::apiUrl).toList();
    Duration tokenLife = Duration.ofHours(2);
    for (int i = 1; i <= shape.httpClients(); i++) {
      String name = "h" + i;
      String manager = "m-" + name;
      httpClients.add(new HttpLoadClient(name, instances,
          n -> DecisionScripts.http(name, manager, n, principal -> cluster.token(principal, tokenLife)),
          acknowledgements, shape.requestTimeout(), shape.giveUpAfter()));
    }
    for (int i = 1; i <= shape.javaClients(); i++) {
      String name = "j" + i;
      KoersClient client = new KoersClient(cluster.bootstrapServers(), cluster.topics(), "faults-" + name,
          shape.requestTimeout(), cluster.submissionKey());
      javaClients.add(new JavaLoadClient(name, "m-" + name, client, acknowledgements, shape.giveUpAfter()));
    }
    done = CompletableFuture.allOf(Stream.concat(
            httpClients.stream().map(c -> c.run(shape.lanesPerClient(), stopped::get)),
            javaClients.stream().map(c -> c.run(shape.lanesPerClient(), stopped::get)))
        .toArray(CompletableFuture[]::new));
  }

  public static ClusterLoad start(KoersCluster cluster, Acknowledgements acknowledgements, Shape shape) {
    return new ClusterLoad(cluster, acknowledgements, shape);
  }

  /** No lane starts another step; the steps under way finish with their retries. */
  public void stop() {
    stopped.set(true);
  }

  /** Completes when every lane has stopped; exceptionally if a step got no answer within its give-up time. */
  public CompletableFuture<Void> done() {
    return done;
  }

  /** Whether a lane has given up (the load then fails the test). */
  public boolean failed() {
    return done.isCompletedExceptionally();
  }

  public long retries() {
    return httpClients.stream().mapToLong(HttpLoadClient::retries).sum()
        + javaClients.stream().mapToLong(JavaLoadClient::retries).sum();
  }

  public List<HttpLoadClient> httpClients() {
    return List.copyOf(httpClients);
  }

  public List<JavaLoadClient> javaClients() {
    return List.copyOf(javaClients);
  }

  /** Sends the given acknowledged submissions again through the client that sent each; returns any other answer. */
  public List<String> repeat(List<Acknowledgement> acknowledgements) {
    List<String> different = new ArrayList<>();
    httpClients.forEach(c -> different.addAll(c.repeat(acknowledgements.stream().filter(c::sent).toList())));
    javaClients.forEach(c -> different.addAll(c.repeat(acknowledgements.stream().filter(c::sent).toList())));
    return different;
  }

  @Override
  public void close() {
    stop();
    javaClients.forEach(JavaLoadClient::close);
  }
}
