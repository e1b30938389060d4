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
import dev.koers.wire.proof.SubmissionKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.command.HearPerspective;
import dev.koers.testkit.TopicSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java client a survey or manager tool uses, against a real broker and a real ledger. */
@KafkaIntegrationTest
class KoersClientIT {

  private static final SubmissionKey KEY = SubmissionKey.random();

  @Test
  void aToolSubmitsAndLearnsEachOutcome(KafkaTestEnv kafka, @TempDir Path state) throws Exception {
    KoersTopics topics = new KoersTopics(kafka.uniqueName("client") + ".", 3);
    new TopicProvisioner(kafka.admin(), (short) 1).ensure(topics.all());
    try (StreamsService ledger = Ledger.create(topics, new StreamsSettings(kafka.bootstrapServers(),
            kafka.uniqueName("ledger"), state, (short) 1, 100, null), Duration.ofMinutes(2), KEY).start();
         KoersClient client = new KoersClient(kafka.bootstrapServers(), topics, "survey-tool", Duration.ofSeconds(30),
             KEY)) {
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
  void aKeyBelongsToItsCallerAndFiveHundredConcurrentSubmitsFromTwoCallersGetOneOutcomeEach(KafkaTestEnv kafka,
      @TempDir Path state) throws Exception {
    KoersTopics topics = new KoersTopics(kafka.uniqueName("client-race") + ".", 3);
    new TopicProvisioner(kafka.admin(), (short) 1).ensure(topics.all());
    try (StreamsService ledger = Ledger.create(topics, new StreamsSettings(kafka.bootstrapServers(),
            kafka.uniqueName("ledger"), state, (short) 1, 100, null), Duration.ofMinutes(2), KEY).start();
         KoersClient client = new KoersClient(kafka.bootstrapServers(), topics, "race-tool", Duration.ofSeconds(60),
             KEY)) {
      Instant opened = Instant.now().minusSeconds(600);
      Submissions manager = Submissions.by("m-1", Role.MANAGER);
      assertThat(client.submitAndWait(manager.of("open", "d-race", opened, new OpenDecision("Race", null, "north",
          "m-1", ActivityGroup.CONTENT, null, null))).getResult()).isInstanceOf(Accepted.class);
      HearPerspective hearing = new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null, null);
      Submission byManager = manager.of("race", "d-race", opened.plusSeconds(60), hearing);
      Submission byAdmin = Submissions.by("admin-1", Role.ADMIN).of("race", "d-race", opened.plusSeconds(60),
          hearing);

      List<CompletableFuture<Outcome>> managers = new ArrayList<>();
      List<CompletableFuture<Outcome>> admins = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        managers.add(client.submit(byManager));
        admins.add(client.submit(byAdmin));
      }
      List<Outcome> toManager = managers.stream().map(CompletableFuture::join).toList();
      List<Outcome> toAdmin = admins.stream().map(CompletableFuture::join).toList();

      boolean managerWon = toManager.get(0).getResult() instanceof Accepted;
      List<Outcome> winner = managerWon ? toManager : toAdmin;
      List<Outcome> loser = managerWon ? toAdmin : toManager;
      assertThat(winner).as("every request of the key's caller gets the one first outcome")
          .allSatisfy(o -> assertThat(o).isEqualTo(winner.get(0)));
      assertThat(winner.get(0).getResult()).isInstanceOf(Accepted.class);
      assertThat(loser).as("the other caller is refused each time and learns nothing of the outcome")
          .allSatisfy(o -> assertThat(o.getResult()).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.getRule()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
            assertThat(r.getCurrentSequence()).isNull();
          }));
      assertThat(client.waiting()).as("no waiter is left behind").isZero();

      Outcome reused = client.submitAndWait(manager.of("race", "d-race", opened.plusSeconds(120), hearing));
      assertThat(reused.getResult()).as("the same actor with another request under the key")
          .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.getRule())
              .isEqualTo(managerWon ? "IDEMPOTENCY_KEY_REUSED" : "IDEMPOTENCY_KEY_IN_USE"));
      List<DecisionEvent> log = TopicSnapshot.read(kafka, topics.events().name(), Serdes.String().deserializer(),
          topics.events().valueSerde().deserializer()).stream().map(ConsumerRecord::value).toList();
      assertThat(log).extracting(DecisionEvent::getSubmissionId).containsExactly("open", "race");
    }
  }

  @Test
  void withoutALedgerTheWaitEndsInATimeout(KafkaTestEnv kafka) throws Exception {
    KoersTopics topics = new KoersTopics(kafka.uniqueName("noledger") + ".", 1);
    new TopicProvisioner(kafka.admin(), (short) 1).ensure(topics.all());
    try (KoersClient client = new KoersClient(kafka.bootstrapServers(), topics, "lonely", Duration.ofMillis(500),
        KEY)) {
      Submission open = Submissions.by("m-1", Role.MANAGER).of("d-x",
          new OpenDecision("Nobody listens", null, "north", "m-1", ActivityGroup.CONTENT, null, null));
      assertThatThrownBy(() -> client.submitAndWait(open)).isInstanceOf(TimeoutException.class);
    }
  }
}
