package dev.koers.audit.cli;

import dev.koers.audit.pass.LogListener;
import dev.koers.audit.pass.PassSummary;
import dev.koers.audit.replay.PartResults;
import dev.koers.audit.replay.Replay;
import dev.koers.audit.replay.ReplayPart;
import dev.koers.audit.replay.ReplayParts;
import dev.koers.audit.replay.Selection;
import dev.koers.audit.verify.ChainVerifier;
import dev.koers.audit.verify.Findings;
import dev.koers.domain.metrics.Anonymity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Rebuild decisions and every metric from the log, also as of an instant.",
    description = {"Rebuilds decisions and every metric with the domain core, verifying every",
        "chain on the way, and writes them as one JSON document. --as-of rebuilds",
        "what the log knew at that instant (by recordedAt). The selection options",
        "keep decisions by their opening; the metrics cover the selected decisions."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:rebuilt from a log that verifies",
        "1:problems found (listed under \"problems\"; the document is still written)",
        ExitCodes.USAGE_LINE, ExitCodes.CANNOT_READ_LINE, ExitCodes.INTERNAL_FAILURE_LINE})
public final class ReplayCommand extends LogCommand {

  static final String FORMAT = "koers-audit-replay/1";

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--decision", paramLabel = "ID", description = "Only this decision (repeatable).")
  Set<String> decisions = Set.of();

  @Option(names = "--unit", paramLabel = "UNIT", description = "Only decisions of this unit.")
  String unit;

  @Option(names = "--manager", paramLabel = "ID", description = "Only decisions owned by this manager.")
  String manager;

  @Option(names = "--from", converter = InstantConverter.class, paramLabel = "INSTANT",
      description = "Only decisions opened (occurredAt) at or after this instant or date.")
  Instant from;

  @Option(names = "--to", converter = InstantConverter.class, paramLabel = "INSTANT",
      description = "Only decisions opened (occurredAt) before this instant or date.")
  Instant to;

  @Option(names = "--as-of", converter = InstantConverter.class, paramLabel = "INSTANT",
      description = "Rebuild what the log knew then: each decision's events recorded at or before it.")
  Instant asOf;

  @Option(names = "--min-respondents", paramLabel = "K", defaultValue = "3",
      description = "Scores of fewer distinct respondents are withheld (default: ${DEFAULT-VALUE}).")
  int minRespondents;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the JSON (default: stdout).")
  Path out;

  @Option(names = "--pretty", description = "Indent the JSON (default: compact, one line; pipe it to jq).")
  boolean pretty;

  @Override
  int run() throws IOException {
    if (minRespondents < 1) {
      throw new ParameterException(spec.commandLine(), "--min-respondents must be 1 or more");
    }
    Selection selection = new Selection(decisions, unit, manager, from, to);
    Findings findings = new Findings();
    List<ReplayPart> parts = ReplayParts.standard(new Anonymity(minRespondents));
    Replay replay = new Replay(selection, asOf, parts, findings);
    PassSummary pass = PassRunner.run(kafka, spec.commandLine().getErr(),
        extent -> List.<LogListener>of(new ChainVerifier(findings), replay));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("topic", pass.extent().topic());
    document.put("endOffsets", pass.extent().endOffsets());
    document.put("asOf", asOf);
    document.put("selection", selection);
    document.put("eventsRead", pass.events());
    document.put("eventsReplayed", replay.replayedEvents());
    PartResults results = PartResults.of(parts);
    document.putAll(results.byPart());
    document.put("problems", findings.all());
    long writing = System.nanoTime();
    try (Output output = Output.open(out, spec.commandLine().getOut())) {
      AuditJson.mapper(pretty).writeValue(output.writer(), document);
      output.writer().write(System.lineSeparator());
      output.commit();
    }
    if (kafka.stats) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "koers audit replay: results rebuilt at once (%s), document written in %.3f s%n",
          results.timings(), (System.nanoTime() - writing) / 1e9);
      err.flush();
    }
    return findings.isEmpty() ? ExitCodes.OK : ExitCodes.BROKEN;
  }
}
