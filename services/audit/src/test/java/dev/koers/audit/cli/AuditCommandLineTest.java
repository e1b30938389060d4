package dev.koers.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.testing.AuditCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The help lists every exit code; usage errors exit with 2 and say why; a file that cannot be read exits with 3. */
class AuditCommandLineTest {

  @Test
  void everySubcommandsHelpListsTheFiveExitCodes() {
    for (Object command : List.of(new VerifyCommand(), new DigestCommand(), new ReplayCommand(),
        new ExportCommand())) {
      AuditCli.Result result = AuditCli.run(command, "--help");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(result.out()).as(command.getClass().getSimpleName())
          .containsPattern("Exit codes:\\s+0 ").containsPattern("\\s1 ").containsPattern("\\s2 +usage error")
          .containsPattern("\\s3 +the log could not be read to the end of its extent")
          .containsPattern("\\s4 +internal failure of the audit");
    }
    assertThat(AuditCli.run(new VerifyCommand(), "--help").out()).containsPattern("\\s0 +verified");
  }

  @Test
  void missingBootstrapServersIsAUsageError() {
    AuditCli.Result result = AuditCli.run(new VerifyCommand());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--bootstrap-servers");
  }

  @Test
  void anUnknownExportFormatIsAUsageError() {
    AuditCli.Result result = AuditCli.run(new ExportCommand(), "--bootstrap-servers", "127.0.0.1:1",
        "--format", "xlsx");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("jsonl", "csv");
  }

  @Test
  void aBadInstantIsAUsageError() {
    AuditCli.Result result = AuditCli.run(new ReplayCommand(), "--bootstrap-servers", "127.0.0.1:1",
        "--as-of", "noon");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aFileThatIsNotADigestIsAUsageError(@TempDir Path dir) throws Exception {
    Path notADigest = dir.resolve("other.json");
    Files.writeString(notADigest, "{\"format\": \"something-else/1\"}");

    AuditCli.Result result = AuditCli.run(new VerifyCommand(), "--bootstrap-servers", "127.0.0.1:1",
        "--digest", notADigest.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("is not a koers-audit-digest/1 digest");
  }

  @Test
  void aDigestFileThatCannotBeReadIsExitCode3() {
    AuditCli.Result result = AuditCli.run(new VerifyCommand(), "--bootstrap-servers", "127.0.0.1:1",
        "--digest", "/no/such/digest.json");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.CANNOT_READ);
    assertThat(result.err()).contains("/no/such/digest.json");
  }
}
