package dev.koers.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.testing.AuditCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors exit with 2 and say why; a log that cannot be reached at all exits with 3. */
class AuditCommandLineTest {

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
