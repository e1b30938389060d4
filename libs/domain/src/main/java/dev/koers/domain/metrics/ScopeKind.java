package dev.koers.domain.metrics;

/** Whose metrics an aggregate holds: a unit's or a manager's. */
public enum ScopeKind {
  UNIT("unit"),
  MANAGER("managerId");

  private final String field;

  ScopeKind(String field) {
    this.field = field;
  }

  /** The name the metrics document's {@code scope} uses for the id: {@code {"unit": ...}} or {@code {"managerId": ...}}. */
  public String field() {
    return field;
  }
}
