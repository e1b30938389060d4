package dev.koers.domain.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A manager's dialogue cadence in a window: small, regular steps, not programmes.
 *
 * @param weeks the ISO weeks with at least one {@code CUSTOMER} hearing at {@code DIALOGUE} depth or deeper,
 *     oldest first
 * @param longestStreak the longest run of consecutive such weeks (consecutive across year boundaries too)
 * @param lastWeek the latest such week; null when there is none
 */
public record Dialogue(List<String> weeks, long longestStreak, String lastWeek) {

  public Dialogue {
    weeks = weeks == null ? List.of() : List.copyOf(weeks);
  }

  static Dialogue of(Multiset dialogueWeeks) {
    List<IsoWeek> sorted = new ArrayList<>();
    dialogueWeeks.elements().forEach(week -> sorted.add(IsoWeek.parse(week)));
    sorted.sort(null);
    long longest = 0;
    long run = 0;
    IsoWeek previous = null;
    for (IsoWeek week : sorted) {
      run = previous != null && week.ordinal() == previous.ordinal() + 1 ? run + 1 : 1;
      longest = Math.max(longest, run);
      previous = week;
    }
    return new Dialogue(sorted.stream().map(IsoWeek::toString).toList(), longest,
        previous == null ? null : Objects.toString(previous));
  }
}
