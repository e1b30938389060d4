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
 */
public record Multiset(Map<String, Long> counts) {

  public static final Multiset EMPTY = new Multiset(Map.of());

  public Multiset {
    counts = SortedCounts.of(counts);
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
    if (other.counts.isEmpty()) {
      return this;
    }
    if (sign > 0 && counts.isEmpty()) {
      return other;
    }
    return new Multiset(SortedCounts.combine(sorted(), other.sorted(), sign));
  }

  /** The counts as the canonical constructor keeps them. */
  @SuppressWarnings("unchecked")
  SortedCounts<String> sorted() {
    return (SortedCounts<String>) counts;
  }

  /** How many different elements are present (count above zero). */
  public long distinct() {
    SortedCounts<String> sorted = sorted();
    long distinct = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.countAt(i) > 0) {
        distinct++;
      }
    }
    return distinct;
  }

  /** The elements present, sorted. */
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
