package dev.koers.audit.cli;

import dev.koers.audit.digest.Digest;
import dev.koers.audit.digest.Digests;
import dev.koers.audit.digest.HeadCollector;
import dev.koers.audit.pass.LogListener;
import dev.koers.audit.pass.PassSummary;
import dev.koers.audit.verify.ChainVerifier;
import dev.koers.audit.verify.Findings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "digest", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Write a digest: end offsets and a Merkle root over every chain head.",
    description = {"Writes a small JSON digest of the log as it stands: each partition's end",
        "offset, and a Merkle root over every decision's head hash (docs/audit.md).",
        "It verifies the log first and writes nothing when something is broken.",
        "Later, 'koers audit verify --digest FILE' proves that the log up to those",
        "offsets is unchanged."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:the digest was written, of a log that verifies",
        "1:the log is broken (findings on stderr); nothing was written",
        ExitCodes.USAGE_LINE, ExitCodes.CANNOT_READ_LINE, ExitCodes.INTERNAL_FAILURE_LINE})
public final class DigestCommand extends LogCommand {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the digest (default: stdout).")
  Path out;

  @Option(names = "--with-heads",
      description = "Also list every decision's head, so that a later mismatch names the decisions that changed.")
  boolean withHeads;

  @Override
  int run() throws IOException {
    Findings findings = new Findings();
    ChainVerifier verifier = new ChainVerifier(findings);
    AtomicReference<HeadCollector> heads = new AtomicReference<>();
    PassSummary pass = PassRunner.run(kafka, spec.commandLine().getErr(), extent -> {
      heads.set(new HeadCollector(extent.endOffsets()));
      return List.<LogListener>of(verifier, heads.get());
    });
    if (!findings.isEmpty()) {
      VerificationReport.of(pass, verifier.decisions(), null, findings.all()).printText(spec.commandLine().getErr());
      return ExitCodes.BROKEN;
    }
    Digest digest = Digests.of(pass.extent().topic(), heads.get(), withHeads);
    try (Output output = Output.open(out, spec.commandLine().getOut())) {
      AuditJson.mapper().writeValue(output.writer(), digest);
      output.writer().write(System.lineSeparator());
      output.commit();
    }
    if (out != null) {
      spec.commandLine().getErr().printf("koers audit digest: %,d decisions, %,d events, root %s -> %s%n",
          digest.decisions(), digest.events(), digest.merkleRoot(), out);
      spec.commandLine().getErr().flush();
    }
    return ExitCodes.OK;
  }
}
