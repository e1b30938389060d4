package dev.koers.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.ledger.Ledger;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Outcome;
import dev.koers.schema.Perspective;
import dev.koers.schema.Rejected;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.OpenDecision;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsService;
import dev.koers.wire.StreamsSettings;
import dev.koers.wire.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java client a survey or manager tool uses, against a real broker and a real ledger. */
@KafkaIntegrationTest
class KoersClientIT {

  @Test
  void aToolSubmitsAndLearnsEachOutcome(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    KoersTopics topics = new KoersTopics(kafka.uniqueName("client") + ".", 3);
    new TopicProvisioner(kafka.admin(), (short) 1).ensure(topics.all());
    try (StreamsService ledger = Ledger.create(topics, new StreamsSettings(kafka.bootstrapServers(),
            kafka.uniqueName("ledger"), state, (short) 1, 100, null), Duration.ofMinutes(2)).start();
         KoersClient client = new KoersClient(kafka.bootstrapServers(), topics, "survey-tool", Duration.ofSeconds(30))) {
      Submissions manager = Submissions.by("m-1", Role.MANAGER);
      Submission open = manager.of("open-1", "d-client", Instant.now().minusSeconds(60),
          new OpenDecision("Survey after the move", null, "north", "m-1", ActivityGroup.CONTENT, null, null));

      Outcome first = client.submitAndWait(open);
      assertThat(first.getResult()).isInstanceOfSatisfying(Accepted.class,
          a -> assertThat(a.getSequence()).isEqualTo(1));
      assertThat(client.submitAndWait(open)).isEqualTo(first);

      Submission early = Submissions.by("r-1", Role.STAKEHOLDER).of("d-client",
          new GiveFeedback(Perspective.CUSTOMER, "r-1", null, 4, null, null, null, null));
      assertThat(client.submitAndWait(early).getResult()).isInstanceOfSatisfying(Rejected.class,
          r -> assertThat(r.getRule()).isEqualTo("DECISION_NOT_DECIDED"));
    }
  }

  @Test
  void withoutALedgerTheWaitEndsInATimeout(KafkaTestEnv kafka) throws Exception {
    KoersTopics topics = new KoersTopics(kafka.uniqueName("noledger") + ".", 1);
    new TopicProvisioner(kafka.admin(), (short) 1).ensure(topics.all());
    try (KoersClient client = new KoersClient(kafka.bootstrapServers(), topics, "lonely", Duration.ofMillis(500))) {
      Submission open = Submissions.by("m-1", Role.MANAGER).of("d-x",
          new OpenDecision("Nobody listens", null, "north", "m-1", ActivityGroup.CONTENT, null, null));
      assertThatThrownBy(() -> client.submitAndWait(open)).isInstanceOf(TimeoutException.class);
    }
  }
}
