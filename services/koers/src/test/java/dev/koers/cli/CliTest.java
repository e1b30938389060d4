package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.api.StreamLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: errors in one line, options from flag, environment, file, default. */
class CliTest {

  @TempDir
  Path dir;

  @Test
  void aBusyPortIsNamedInOneLineBeforeAnythingStarts() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run = run(KoersMain.commandLine(), "up", "--data-dir", dir.toString(), "--port", "0",
          "--kafka-port", String.valueOf(busy.getLocalPort()));
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).startsWith("koers: port " + busy.getLocalPort()).contains("--kafka-port")
          .doesNotContain("Exception", "\tat ");
      assertThat(Files.exists(dir.resolve("kafka"))).isFalse();
    }
  }

  @Test
  void aTokenWithoutAKeySaysHowToGetOne() {
    Run run = run(KoersMain.commandLine(), "token", "--role", "viewer", "--data-dir", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no token key", "koers up --data-dir").doesNotContain("\tat ");
  }

  @Test
  void aDemoWithoutAKeySaysHowToGetOne() {
    Run run = run(KoersMain.commandLine(), "demo", "--data-dir", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no token key", "koers up --data-dir").doesNotContain("\tat ");
  }

  @Test
  void aLedgerOrApiWithoutASubmissionKeySaysWhichOptionBeforeAnythingStarts() {
    for (String[] args : new String[][] {{"ledger"}, {"api", "--token-key-file", dir.resolve("x").toString()}}) {
      String command = args[0];
      Run run = run(KoersMain.commandLine(), concat(args, "--bootstrap-servers", "127.0.0.1:1"));
      assertThat(run.exit()).as(command).isEqualTo(1);
      assertThat(run.err()).as(command).contains("--submission-key-file", "KOERS_SUBMISSION_KEY_FILE")
          .doesNotContain("\tat ");
    }
  }

  @Test
  @Tag("attack")
  void aTokenLongerThanTheMaximumLifetimeIsRefusedNamingTheMaximum() {
    Run run = run(KoersMain.commandLine(), "token", "--role", "admin", "--ttl", "36500d", "--data-dir",
        dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--ttl", "maximum of PT24H", "--max-ttl").doesNotContain("\tat ");
  }

  @Test
  @Tag("attack")
  void aStakeholderTokenNeedsItsRespondentAndPerspectiveOrToBeASurveyTools() {
    Run run = run(KoersMain.commandLine(), "token", "--role", "stakeholder", "--respondent-id", "r-7",
        "--data-dir", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--perspective", "--survey-tool");
  }

  @Test
  @Tag("attack")
  void aSharedTokenKeyFileOthersMayReadIsRefusedInOneLine() throws Exception {
    Path key = Files.writeString(dir.resolve("token.key"), "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Path submissionKey = dir.resolve("submission.key");
    dev.koers.wire.proof.SubmissionKeyFile.create(submissionKey);
    Run run = run(KoersMain.commandLine(), "api", "--bootstrap-servers", "127.0.0.1:9", "--state-dir",
        dir.resolve("state").toString(), "--token-key-file", key.toString(), "--submission-key-file",
        submissionKey.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("koers: the token key " + key + " is open to others (rw-r--r--); "
        + "run 'chmod 600 " + key + "' and start again");
  }

  @Test
  void anOptionComesFromTheFlagThenTheEnvironmentThenTheFileThenTheDefault() throws Exception {
    Path file = Files.writeString(dir.resolve("koers.properties"), "port=7001\nhost=10.0.0.1\n");
    Map<String, String> env = Map.of("KOERS_PORT", "7002", "KOERS_DATA_DIR", "/srv/koers");

    UpCommand up = parse(new KoersDefaults(env, file), "up", "--port", "7003");
    assertThat(up.port).isEqualTo(7003);
    assertThat(up.dataDir).isEqualTo(Path.of("/srv/koers"));
    assertThat(up.host).isEqualTo("10.0.0.1");
    assertThat(up.partitions).isEqualTo(3);

    UpCommand fromEnv = parse(new KoersDefaults(env, file), "up");
    assertThat(fromEnv.port).isEqualTo(7002);
    UpCommand fromFile = parse(new KoersDefaults(Map.of(), file), "up");
    assertThat(fromFile.port).isEqualTo(7001);
    UpCommand fromDefault = parse(new KoersDefaults(Map.of(), dir.resolve("none.properties")), "up");
    assertThat(fromDefault.port).isEqualTo(8080);
  }

  @Test
  void theStreamLimitsAreOptionsLikeTheOthersAndDefaultToTheApisOwn() throws Exception {
    Path file = Files.writeString(dir.resolve("koers.properties"), "max-streams-per-subject=3\n");
    Map<String, String> env = Map.of("KOERS_MAX_STREAMS", "40");

    UpCommand up = parse(new KoersDefaults(env, file), "up", "--stream-buffer", "64");
    assertThat(up.streams.limits()).isEqualTo(new StreamLimits(40, 3, 64));
    UpCommand defaults = parse(new KoersDefaults(Map.of(), dir.resolve("none.properties")), "up");
    assertThat(defaults.streams.limits()).isEqualTo(StreamLimits.DEFAULT);
  }

  private static UpCommand parse(KoersDefaults defaults, String... args) {
    CommandLine line = new CommandLine(new KoersMain()).setDefaultValueProvider(defaults);
    return (UpCommand) line.parseArgs(args).subcommand().commandSpec().userObject();
  }

  private record Run(int exit, String err) {}

  private static Run run(CommandLine line, String... args) {
    StringWriter err = new StringWriter();
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(args);
    return new Run(exit, err.toString());
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
