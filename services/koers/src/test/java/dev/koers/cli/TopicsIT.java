package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.koers.wire.proof.SubmissionKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'koers topics create' provisions the topics once; services refuse to start without them, or with wrong ones. */
@KafkaIntegrationTest
class TopicsIT {

  @TempDir
  Path dir;

  private record Run(int exit, List<String> out, List<String> err) {}

  @Test
  void createsEveryTopicWithItsSettingsAndASecondRunChangesNothing(KafkaTestEnv kafka) throws Exception {
    String prefix = kafka.uniqueName("topics") + ".";

    Run first = koers(kafka, "topics", "create", "--topic-prefix", prefix, "--partitions", "4");
    assertThat(first.exit()).as(String.join("\n", first.err())).isZero();
    assertThat(first.out()).hasSize(7).last().isEqualTo("koers: created 6 of 6 topics");
    assertThat(first.out()).anyMatch(l -> l.startsWith("koers: " + prefix + "koers.decision.events: created (4 partitions"));

    Map<String, TopicDescription> topics = kafka.admin().describeTopics(List.of(prefix + "koers.decision.events",
        prefix + "koers.view.decisions", prefix + "koers.deadletter")).allTopicNames().get();
    assertThat(topics.get(prefix + "koers.decision.events").partitions()).hasSize(4);
    assertThat(topics.get(prefix + "koers.deadletter").partitions()).hasSize(1);
    assertThat(config(kafka, prefix + "koers.decision.events")).containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1");
    assertThat(config(kafka, prefix + "koers.view.decisions")).containsEntry("cleanup.policy", "compact");

    Run second = koers(kafka, "topics", "create", "--topic-prefix", prefix, "--partitions", "4");
    assertThat(second.exit()).isZero();
    assertThat(second.out()).hasSize(7).last()
        .isEqualTo("koers: nothing changed: all 6 topics exist with the right settings");
    assertThat(second.out()).filteredOn(l -> l.contains(": created")).isEmpty();
  }

  @Test
  void aServiceWithoutItsTopicsStopsAtStartNamingTheFirstMissingOne(KafkaTestEnv kafka) {
    String prefix = kafka.uniqueName("bare") + ".";

    Run ledger = koers(kafka, "ledger", "--topic-prefix", prefix, "--state-dir", dir.toString(),
        "--submission-key-file", submissionKey().toString());

    assertThat(ledger.exit()).isEqualTo(1);
    assertThat(ledger.err()).containsExactly("koers: topic " + prefix + "koers.decision.submissions does not exist: "
        + "create the topics first with 'koers topics create' (docs/operations.md)");
    assertThat(kafka.admin().listTopics().names()).succeedsWithin(Duration.ofSeconds(30))
        .satisfies(names -> assertThat(names).noneMatch(n -> n.startsWith(prefix)));
  }

  @Test
  void aLogThatWasMadeCompactedIsRefusedByTheServiceAndByTopicsCreate(KafkaTestEnv kafka) throws Exception {
    String prefix = kafka.uniqueName("compacted") + ".";
    assertThat(koers(kafka, "topics", "create", "--topic-prefix", prefix).exit()).isZero();
    String events = prefix + "koers.decision.events";
    kafka.admin().incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, events),
        List.of(new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
        .all().get();
    // The change travels through the metadata log; the broker answers with it a moment later.
    await().atMost(Duration.ofSeconds(30)).until(() -> "compact".equals(config(kafka, events).get("cleanup.policy")));

    Run ledger = koers(kafka, "ledger", "--topic-prefix", prefix, "--state-dir", dir.toString(),
        "--submission-key-file", submissionKey().toString());
    assertThat(ledger.exit()).isEqualTo(1);
    assertThat(ledger.err()).containsExactly("koers: topic " + events
        + " has cleanup.policy=compact (Koers needs delete)");

    Run again = koers(kafka, "topics", "create", "--topic-prefix", prefix);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).singleElement().asString().startsWith("koers: topic " + events
        + " exists with cleanup.policy=compact (Koers needs delete)");
  }

  /** The ledger gets past its key to the topic check. */
  private Path submissionKey() {
    Path file = dir.resolve("keys").resolve("submission.key");
    if (!Files.exists(file)) {
      SubmissionKeyFile.create(file);
    }
    return file;
  }

  private Run koers(KafkaTestEnv kafka, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = KoersMain.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--bootstrap-servers", kafka.bootstrapServers(), "--replication-factor", "1"}, 0,
        all, args.length, 4);
    // A service that wrongly passed its checks would run until stopped: fail instead of hanging.
    int exit = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> line.execute(all));
    return new Run(exit, out.toString().lines().toList(), err.toString().lines().toList());
  }

  private static Map<String, String> config(KafkaTestEnv kafka, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource);
    Collection<ConfigEntry> entries = config.entries();
    return entries.stream().filter(e -> e.value() != null)
        .collect(java.util.stream.Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
  }
}
