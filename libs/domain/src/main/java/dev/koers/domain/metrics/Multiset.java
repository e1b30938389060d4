package dev.koers.domain.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A set with counts (element to how many times it was added), so that removing one occurrence is exact:
 * "distinct respondents" stays right when a respondent's feedback is replaced or moves to another week.
 * Counts may go negative in between (a subtraction before its addition); zero counts are dropped, so equal
 * contents are equal multisets.
 *
 * @param counts element to count, sorted; never a zero count
 * @param elsewhere how many further elements are present, each once, but kept outside this record: the views
 *     keep an aggregate's respondents as entries of their own ({@link SplitAggregates}), so that the aggregate
 *     does not grow with them; 0 wherever the elements are all here
 */
public record Multiset(Map<String, Long> counts, long elsewhere) {

  public static final Multiset EMPTY = new Multiset(Map.of());

  public Multiset {
    counts = SortedCounts.of(counts);
  }

  public Multiset(Map<String, Long> counts) {
    this(counts, 0);
  }

  public static Multiset of(String element) {
    return new Multiset(SortedCounts.one(element));
  }

  public Multiset plus(Multiset other) {
    return combine(other, 1);
  }

  public Multiset minus(Multiset other) {
    return combine(other, -1);
  }

  Multiset combine(Multiset other, int sign) {
    if (other.counts.isEmpty() && other.elsewhere == 0) {
      return this;
    }
    if (sign > 0 && counts.isEmpty() && elsewhere == 0) {
      return other;
    }
    return new Multiset(SortedCounts.combine(sorted(), other.sorted(), sign), elsewhere + sign * other.elsewhere);
  }

  /** {@code present} distinct elements, all of them kept elsewhere. */
  static Multiset keptElsewhere(long present) {
    return new Multiset(Map.of(), present);
  }

  /** The counts as the canonical constructor keeps them. */
  @SuppressWarnings("unchecked")
  SortedCounts<String> sorted() {
    return (SortedCounts<String>) counts;
  }

  /** How many different elements are present (count above zero, or kept elsewhere). */
  public long distinct() {
    SortedCounts<String> sorted = sorted();
    long distinct = elsewhere;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.countAt(i) > 0) {
        distinct++;
      }
    }
    return distinct;
  }

  /** The elements present here (not those kept elsewhere), sorted. */
  public SortedSet<String> elements() {
    TreeSet<String> present = new TreeSet<>();
    counts.forEach((element, count) -> {
      if (count > 0) {
        present.add(element);
      }
    });
    return Collections.unmodifiableSortedSet(present);
  }
}
