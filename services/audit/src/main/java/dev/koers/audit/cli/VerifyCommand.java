package dev.koers.audit.cli;

import dev.koers.audit.digest.Digest;
import dev.koers.audit.digest.DigestCheck;
import dev.koers.audit.digest.HeadCollector;
import dev.koers.audit.pass.LogListener;
import dev.koers.audit.pass.PassSummary;
import dev.koers.audit.verify.ChainVerifier;
import dev.koers.audit.verify.Finding;
import dev.koers.audit.verify.Findings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Verify every hash chain; with --digest, prove the log is unchanged.",
    description = {"Checks every decision's hash chain: each record's hash over its own",
        "bytes, the previousHash links, sequences 1..n without gaps or repeats, the",
        "opening first, and every transition by the rules. Reports each broken link",
        "with decision, sequence, topic, partition and offset.",
        "With --digest, also proves that the log up to the digest's offsets is what",
        "it was when the digest was taken."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:verified: every record of the extent read and checked, nothing broken",
        "1:something is broken: tampering, an unreadable record, a digest mismatch (each finding names its "
            + "topic, partition and offset)",
        ExitCodes.USAGE_LINE, ExitCodes.CANNOT_READ_LINE, ExitCodes.INTERNAL_FAILURE_LINE})
public final class VerifyCommand extends LogCommand {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--digest", paramLabel = "FILE", description = "A digest written by 'koers audit digest'.")
  Path digestFile;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  enum ReportFormat { text, json }

  @Override
  int run() throws IOException {
    Digest digest = digestFile == null ? null : readDigest();
    Findings findings = new Findings();
    ChainVerifier verifier = new ChainVerifier(findings);
    // Heads are collected only to check a digest: plain verify keeps no per-event work for it.
    HeadCollector heads = digest == null ? null : new HeadCollector(ends(digest));
    PassSummary pass = PassRunner.run(kafka, spec.commandLine().getErr(),
        extent -> heads == null ? List.<LogListener>of(verifier) : List.<LogListener>of(verifier, heads));
    List<Finding> all = new ArrayList<>(findings.all());
    if (digest != null) {
      noteOtherTopic(digest, pass);
      all.addAll(DigestCheck.compare(digest, pass.extent(), heads));
    }
    VerificationReport report = VerificationReport.of(pass, verifier.decisions(),
        digest == null ? null : digest.merkleRoot(), all);
    if (format == ReportFormat.json) {
      AuditJson.mapper().writeValue(spec.commandLine().getOut(), report);
      spec.commandLine().getOut().println();
      spec.commandLine().getOut().flush();
    } else {
      report.printText(spec.commandLine().getOut());
    }
    return report.verified() ? ExitCodes.OK : ExitCodes.BROKEN;
  }

  private Digest readDigest() throws IOException {
    Digest digest = AuditJson.mapper().readValue(Files.readAllBytes(digestFile), Digest.class);
    if (!Digest.FORMAT.equals(digest.format()) || digest.partitions() == null || digest.merkleRoot() == null) {
      throw new ParameterException(spec.commandLine(), digestFile + " is not a " + Digest.FORMAT + " digest");
    }
    return digest;
  }

  private void noteOtherTopic(Digest digest, PassSummary pass) {
    if (!digest.topic().equals(pass.extent().topic())) {
      spec.commandLine().getErr().println("koers audit verify: note: the digest was taken from " + digest.topic()
          + "; checking it against " + pass.extent().topic());
      spec.commandLine().getErr().flush();
    }
  }

  private static Map<Integer, Long> ends(Digest digest) {
    return digest.partitions().stream()
        .collect(Collectors.toMap(Digest.PartitionEnd::partition, Digest.PartitionEnd::endOffset));
  }
}
