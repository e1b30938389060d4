package dev.koers.audit.export;

import dev.koers.audit.decode.LoggedEvent;
import dev.koers.audit.decode.UnreadableRecord;
import dev.koers.audit.pass.LogListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes one row per event of the selected decisions (all when none is named); keeps the unreadable records. */
public final class Exporter implements LogListener {

  private final RowFlattener flattener;
  private final RowWriter writer;
  private final Set<String> decisions;
  private final List<UnreadableRecord> unreadable = new ArrayList<>();
  private long rows;

  public Exporter(RowFlattener flattener, RowWriter writer, Set<String> decisions) {
    this.flattener = flattener;
    this.writer = writer;
    this.decisions = Set.copyOf(decisions);
  }

  @Override
  public void onEvent(LoggedEvent event) {
    if (!decisions.isEmpty() && !decisions.contains(event.event().getDecisionId())) {
      return;
    }
    try {
      writer.write(flattener.row(event));
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export", e);
    }
  }

  @Override
  public void onUnreadable(UnreadableRecord record) {
    unreadable.add(record);
  }

  public long rows() {
    return rows;
  }

  public List<UnreadableRecord> unreadable() {
    return List.copyOf(unreadable);
  }
}
