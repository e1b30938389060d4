package dev.koers.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.log.LogExtent;
import dev.koers.audit.log.LogReader;
import dev.koers.audit.log.LogSource;
import dev.koers.audit.log.PartitionRange;
import dev.koers.audit.log.RecordSink;
import dev.koers.audit.pass.LogListener;
import dev.koers.audit.progress.Progress;
import dev.koers.audit.testing.AuditCli;
import dev.koers.audit.testing.Found;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.LogTopics;
import dev.koers.audit.testing.RawLog;
import dev.koers.audit.verify.ChainVerifier;
import dev.koers.audit.verify.Findings;
import dev.koers.domain.HashChain;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Perspective;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Every way a run can end, on a real log: verified (0), something broken (1), the log unreadable or not read to
 * the end (3), the audit itself failing (4). A run that did not finish never says VERIFIED.
 */
@KafkaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitCodesIT {

  private final KafkaTestEnv env;
  private final LogTopics topics;
  private List<DecisionEvent> events;
  private String prefix;

  ExitCodesIT(KafkaTestEnv env) {
    this.env = env;
    this.topics = new LogTopics(env);
  }

  @BeforeAll
  void writeARealLog() {
    events = LedgerRun.events(Histories.interleaved(12));
    prefix = topics.freshPrefix("audit-exit");
    topics.writeAsLedger(prefix, events);
  }

  @Test
  void aCompleteCleanPassIsVerified() {
    AuditCli.Result result = AuditCli.run(new VerifyCommand(), args(prefix));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).startsWith("VERIFIED: 69 records");
  }

  @Test
  void anErrorInACheckMidPassIsAnInternalFailureNeverVerified() {
    AuditCli.Result result = AuditCli.run(new VerifyWithListener(new ErrorAtEvent(40)), args(prefix));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INTERNAL_FAILURE);
    assertThat(result.out()).doesNotContain("VERIFIED");
    assertThat(result.err()).contains("koers audit verify-with-listener: internal failure, no verdict:",
        "injected at event 40");
  }

  @Test
  void anErrorWhileReadingIsAnInternalFailure() {
    VerifyCommand verify = new VerifyCommand();
    verify.kafka.sources = settings -> new FailingReader(new LogReader(settings));

    AuditCli.Result result = AuditCli.run(verify, args(prefix));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INTERNAL_FAILURE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("koers audit verify: internal failure, no verdict:", "injected while reading");
  }

  @Test
  void aReaderThatStopsBeforeTheExtentsEndIsUnreadableNeverVerified() {
    VerifyCommand verify = new VerifyCommand();
    verify.kafka.sources = settings -> new StopsHalfway(new LogReader(settings));

    AuditCli.Result result = AuditCli.run(verify, args(prefix));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CANNOT_READ);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).containsPattern("koers audit verify: the read of \\S+koers.decision.events ended "
        + "early: partition \\d was read up to offset \\d+ of \\[0, \\d+\\), and the record at offset \\d+ was "
        + "never read");
  }

  @Test
  void aMissingTopicIsUnreadable() {
    AuditCli.Result result = AuditCli.run(new VerifyCommand(), args(env.uniqueName("audit-none") + "."));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CANNOT_READ);
    assertThat(result.err()).contains("does not exist");
  }

  @Test
  void replayDigestAndExportFailTheSameWayAndLeaveNoPartialFile(@TempDir Path dir) throws IOException {
    for (LogCommand command : List.of(new ReplayCommand(), new DigestCommand(), new ExportCommand())) {
      KafkaOptions kafka = command instanceof ReplayCommand r ? r.kafka
          : command instanceof DigestCommand d ? d.kafka : ((ExportCommand) command).kafka;
      kafka.sources = settings -> new StopsHalfway(new LogReader(settings));
      List<String> args = new ArrayList<>(List.of(args(prefix)));
      args.addAll(List.of("--out", dir.resolve("result").toString()));
      if (command instanceof ExportCommand) {
        args.addAll(List.of("--format", "jsonl"));
      }

      AuditCli.Result result = AuditCli.run(command, args.toArray(String[]::new));

      assertThat(result.exitCode()).as(command.getClass().getSimpleName()).isEqualTo(ExitCodes.CANNOT_READ);
      assertThat(result.err()).contains("ended early");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).as(command.getClass().getSimpleName()).isEmpty();
      }
    }
  }

  @Test
  void aCompleteExportIsMovedIntoPlace(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("events.jsonl");

    AuditCli.Result result = AuditCli.run(new ExportCommand(), "--bootstrap-servers", env.bootstrapServers(),
        "--topic-prefix", prefix, "--quiet", "--format", "jsonl", "--out", out.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(out)).hasSize(events.size());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  /** What the quarantine's test relies on: records written by hand are reported where they are, exit code 1. */
  @Test
  void poisonWrittenByHandIsReportedWhereItIs() {
    String poisoned = topics.freshPrefix("audit-poison");
    topics.writeAsLedger(poisoned, events);
    String victim = Histories.decisionId(4);
    RecordMetadata garbage = topics.writeByHand(poisoned, victim,
        "not an event at all".getBytes(StandardCharsets.UTF_8));
    DecisionEvent head = events.stream().filter(e -> e.getDecisionId().equals(victim))
        .reduce((a, b) -> b).orElseThrow();
    DecisionEvent unlinked = new HashChain().seal(DecisionEvent.newBuilder(head)
        .setEventId("e-by-hand").setSubmissionId("s-by-hand").setSequence(head.getSequence() + 1)
        .setPreviousHash(HashChain.genesis())
        .setPayload(new FeedbackGiven(Perspective.EMPLOYEE, "r-by-hand", null, 1, 1, 1, 1, null)).build());
    RecordMetadata broken = topics.writeByHand(poisoned, victim, RawLog.encode(unlinked));

    AuditCli.Result result = AuditCli.run(new VerifyCommand(), jsonArgs(poisoned));
    AuditCli.Result text = AuditCli.run(new VerifyCommand(), args(poisoned));

    assertThat(result.exitCode()).isEqualTo(ExitCodes.BROKEN);
    assertThat(Found.in(result.out())).map(Found::where).containsExactly(
        "UNDECODABLE " + victim + " #null " + garbage.partition() + "@" + garbage.offset(),
        "LINK_BROKEN " + victim + " #" + unlinked.getSequence() + " " + broken.partition() + "@" + broken.offset());
    assertThat(Found.in(result.out())).map(Found::topic).containsOnly(LogTopics.eventsTopic(poisoned));
    assertThat(text.exitCode()).isEqualTo(ExitCodes.BROKEN);
    assertThat(text.out()).contains("UNDECODABLE decision=" + victim, "topic=" + LogTopics.eventsTopic(poisoned)
        + " partition=" + garbage.partition() + " offset=" + garbage.offset()).contains("BROKEN: 2 problem(s)");
  }

  private String[] args(String topicPrefix) {
    return new String[] {"--bootstrap-servers", env.bootstrapServers(), "--topic-prefix", topicPrefix, "--quiet",
        "--idle-timeout", "PT60S"};
  }

  private String[] jsonArgs(String topicPrefix) {
    List<String> args = new ArrayList<>(List.of(args(topicPrefix)));
    args.addAll(List.of("--format", "json"));
    return args.toArray(String[]::new);
  }

  /** Verify's chain check plus one more listener: the only way to fail inside a check on purpose. */
  @Command(name = "verify-with-listener")
  static final class VerifyWithListener extends LogCommand {

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    private final LogListener extra;

    VerifyWithListener(LogListener extra) {
      this.extra = extra;
    }

    @Override
    int run() {
      Findings findings = new Findings();
      ChainVerifier verifier = new ChainVerifier(findings);
      PassRunner.run(kafka, spec.commandLine().getErr(), extent -> List.of(verifier, extra));
      spec.commandLine().getOut().println(findings.isEmpty() ? "VERIFIED" : "BROKEN");
      return findings.isEmpty() ? ExitCodes.OK : ExitCodes.BROKEN;
    }
  }

  /** Throws an Error (as an exhausted heap or stack would) at the n-th event, well after the pass began. */
  static final class ErrorAtEvent implements LogListener {

    private final int n;
    private int seen;

    ErrorAtEvent(int n) {
      this.n = n;
    }

    @Override
    public void onEvent(LoggedEvent event) {
      if (++seen == n) {
        throw new InjectedError("injected at event " + n);
      }
    }
  }

  static final class InjectedError extends Error {
    InjectedError(String message) {
      super(message);
    }
  }

  /** The real reader, but for how it reads: each failure below changes only that. */
  private abstract static class AlteredReader implements LogSource {

    final LogReader reader;

    AlteredReader(LogReader reader) {
      this.reader = reader;
    }

    @Override
    public LogExtent currentExtent(String topic) {
      return reader.currentExtent(topic);
    }

    @Override
    public Map<Integer, Long> firstRecordsBelowEnd(LogExtent extent, Map<Integer, Long> from) {
      return reader.firstRecordsBelowEnd(extent, from);
    }

    @Override
    public void close() {
      reader.close();
    }
  }

  /** Stops half way through each partition's extent and returns as if done. */
  private static final class StopsHalfway extends AlteredReader {

    StopsHalfway(LogReader reader) {
      super(reader);
    }

    @Override
    public long read(LogExtent extent, RecordSink sink, Progress progress) {
      LogExtent half = new LogExtent(extent.topic(), extent.partitions().stream()
          .map(p -> new PartitionRange(p.partition(), p.start(), p.start() + p.size() / 2)).toList());
      return reader.read(half, sink, progress);
    }
  }

  /** The read dies of an Error after ten records. */
  private static final class FailingReader extends AlteredReader {

    FailingReader(LogReader reader) {
      super(reader);
    }

    @Override
    public long read(LogExtent extent, RecordSink sink, Progress progress) {
      int[] seen = {0};
      return reader.read(extent, raw -> {
        if (++seen[0] == 10) {
          throw new InjectedError("injected while reading");
        }
        sink.accept(raw);
      }, progress);
    }
  }
}
