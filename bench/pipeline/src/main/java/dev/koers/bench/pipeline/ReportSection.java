package dev.koers.bench.pipeline;

import java.util.ArrayList;
import java.util.List;

/** A scenario's part of the report: a title, lines (usually a {@link Table}), and notes under them. */
public final class ReportSection {

  private final String title;
  private final List<String> lines = new ArrayList<>();

  public ReportSection(String title) {
    this.title = title;
  }

  public ReportSection add(String line) {
    lines.add(line);
    return this;
  }

  public ReportSection add(Table table) {
    lines.addAll(table.lines());
    return this;
  }

  List<String> render() {
    List<String> out = new ArrayList<>();
    out.add("== " + title + " ==");
    out.addAll(lines);
    return out;
  }
}
