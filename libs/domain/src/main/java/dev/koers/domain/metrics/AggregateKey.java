package dev.koers.domain.metrics;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which aggregate a figure counts in: a unit's or a manager's, over all time ({@link #ALL}) or in one ISO week.
 *
 * @param scope a unit or a manager
 * @param id the unit or the manager id, as the decision's opening gave it
 * @param window {@link #ALL} or an ISO week such as {@code 2026-W48}
 */
public record AggregateKey(ScopeKind scope, String id, String window) implements Comparable<AggregateKey> {

  /** The all-time window. */
  public static final String ALL = "ALL";

  private static final Comparator<AggregateKey> ORDER = Comparator
      .comparing(AggregateKey::scope)
      .thenComparing(AggregateKey::id)
      .thenComparing(AggregateKey::windowOrder);

  public AggregateKey {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(window, "window");
    if (!ALL.equals(window) && !IsoWeek.valid(window)) {
      throw new IllegalArgumentException("a window is ALL or an ISO week such as 2026-W48, not '" + window + "'");
    }
  }

  public static AggregateKey allTime(ScopeKind scope, String id) {
    return new AggregateKey(scope, id, ALL);
  }

  public static AggregateKey week(ScopeKind scope, String id, IsoWeek week) {
    return new AggregateKey(scope, id, week.toString());
  }

  public boolean coversAllTime() {
    return ALL.equals(window);
  }

  /**
   * A string form for a Kafka key: {@code UNIT:facilities:2026-W48}. The id may contain colons; the scope
   * never does and the window never does, so {@link #parse} splits at the first and the last colon.
   */
  public String asString() {
    return scope.name() + ':' + id + ':' + window;
  }

  public static AggregateKey parse(String text) {
    int first = text.indexOf(':');
    int last = text.lastIndexOf(':');
    if (first < 0 || last == first) {
      throw new IllegalArgumentException("an aggregate key is SCOPE:id:window, not '" + text + "'");
    }
    return new AggregateKey(ScopeKind.valueOf(text.substring(0, first)), text.substring(first + 1, last),
        text.substring(last + 1));
  }

  /** ALL first, then the weeks oldest first. */
  @Override
  public int compareTo(AggregateKey other) {
    return ORDER.compare(this, other);
  }

  /** "2026-W53" is zero-padded, so text order is time order; "!" sorts ALL before every week. */
  private String windowOrder() {
    return coversAllTime() ? "!" : window;
  }
}
