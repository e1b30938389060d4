package dev.koers.audit.cli;

import dev.koers.audit.log.LogExtent;
import dev.koers.audit.log.LogSource;
import dev.koers.audit.pass.AuditPass;
import dev.koers.audit.pass.LogListener;
import dev.koers.audit.pass.PassSummary;
import dev.koers.audit.progress.TerminalProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Opens the log, fixes the extent to read (the end offsets as they stand now), and runs one pass over it. Returns
 * only for a pass that covered the whole extent with every listener done; anything less is thrown.
 */
final class PassRunner {

  private PassRunner() {}

  /** @param listenersFor the pass's listeners, which may depend on the extent (the digest's end offsets) */
  static PassSummary run(KafkaOptions kafka, PrintWriter err,
      Function<LogExtent, List<LogListener>> listenersFor) {
    PassSummary pass;
    try (LogSource source = kafka.sources.apply(kafka.readerSettings())) {
      LogExtent extent = source.currentExtent(kafka.eventsTopic());
      pass = new AuditPass(listenersFor.apply(extent)).run(source, extent, TerminalProgress.forStderr(kafka.quiet));
    }
    if (kafka.stats) {
      err.printf(Locale.ROOT, "koers audit: read %,d records (%,d events, %,d unreadable) of %s in %.3f s: %,.0f "
          + "records/s%n", pass.records(), pass.events(), pass.unreadable(), pass.extent().topic(),
          pass.elapsed().toNanos() / 1e9, pass.recordsPerSecond());
      err.flush();
    }
    return pass;
  }
}
