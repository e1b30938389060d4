package dev.koers.audit.verify;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of a pass, in the order they were found. */
public final class Findings {

  private final List<Finding> all = new ArrayList<>();

  public void add(Finding finding) {
    all.add(finding);
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  public List<Finding> all() {
    return List.copyOf(all);
  }
}
