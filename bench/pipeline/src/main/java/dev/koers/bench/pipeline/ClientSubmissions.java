package dev.koers.bench.pipeline;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.Rejected;
import dev.koers.schema.Submission;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Submissions through the Java client ({@code KoersClient}), as a tool publishes them: signed, then the outcome. */
final class ClientSubmissions implements SubmissionPath {

  private final KoersClient client;

  ClientSubmissions(KoersInstallation koers) {
    this.client = new KoersClient(koers.bootstrapServers(), koers.topics(), "bench-java-client",
        Duration.ofSeconds(60), koers.submissionKey());
  }

  @Override
  public String name() {
    return "Java client";
  }

  @Override
  public boolean keepsOrderPerDecision() {
    return true;
  }

  @Override
  public CompletableFuture<Answer> submit(Submission submission) {
    return client.submit(submission).thenApply(outcome -> outcome.getResult() instanceof Accepted accepted
        ? Answer.accepted(accepted.getSequence())
        : Answer.refused(((Rejected) outcome.getResult()).getRule()));
  }

  @Override
  public void close() {
    client.close();
  }
}
