package dev.koers.audit.cli;

import dev.koers.audit.export.CsvRowWriter;
import dev.koers.audit.export.Exporter;
import dev.koers.audit.export.JsonLinesWriter;
import dev.koers.audit.export.RowFlattener;
import dev.koers.audit.export.RowWriter;
import dev.koers.audit.pass.LogListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Export one flat row per event as JSON Lines or CSV.",
    description = {"Writes one flat row per event, for spreadsheets and notebooks: decision,",
        "sequence, kind, occurredAt, recordedAt, actor, every field of the event's",
        "kind, the hashes, and where the record is."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:every record written",
        "1:unreadable records skipped (named on stderr)",
        ExitCodes.USAGE_LINE, ExitCodes.CANNOT_READ_LINE, ExitCodes.INTERNAL_FAILURE_LINE})
public final class ExportCommand extends LogCommand {

  @Mixin
  KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "jsonl (JSON Lines) or csv (RFC 4180, with a header).")
  ExportFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: stdout).")
  Path out;

  @Option(names = "--decision", paramLabel = "ID", description = "Only this decision (repeatable).")
  Set<String> decisions = Set.of();

  enum ExportFormat { jsonl, csv }

  @Override
  int run() throws IOException {
    RowFlattener flattener = new RowFlattener();
    Exporter exporter;
    try (Output output = Output.open(out, spec.commandLine().getOut())) {
      RowWriter rows = format == ExportFormat.csv
          ? new CsvRowWriter(output.writer(), flattener.columns()) : new JsonLinesWriter(output.writer());
      exporter = new Exporter(flattener, rows, decisions);
      PassRunner.run(kafka, spec.commandLine().getErr(), extent -> List.<LogListener>of(exporter));
      rows.close();
      output.commit();
    }
    PrintWriter err = spec.commandLine().getErr();
    exporter.unreadable().forEach(u -> err.println("UNDECODABLE key=" + u.key() + " topic="
        + u.position().topic() + " partition=" + u.position().partition() + " offset=" + u.position().offset()
        + ": " + u.reason()));
    if (out != null) {
      err.printf("koers audit export: %,d rows -> %s%n", exporter.rows(), out);
    }
    err.flush();
    return exporter.unreadable().isEmpty() ? ExitCodes.OK : ExitCodes.BROKEN;
  }
}
