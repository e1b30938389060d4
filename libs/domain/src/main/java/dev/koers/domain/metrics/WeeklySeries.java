package dev.koers.domain.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A scope's weekly documents, oldest first: one per ISO week in which something counted (a week where nothing
 * happened has no aggregate and is left out; a dashboard draws it as a gap).
 *
 * @param scope {@code {"unit": id}} or {@code {"managerId": id}}
 * @param weeks the weekly documents, oldest first
 */
public record WeeklySeries(Map<String, String> scope, List<MetricsDocument> weeks) {

  public WeeklySeries {
    scope = Map.copyOf(scope);
    weeks = List.copyOf(weeks);
  }

  /**
   * @param aggregatesByWeek the scope's weekly aggregates by ISO week ({@code ALL} is ignored, so a store's
   *     whole range for the scope may be passed as it is)
   */
  public static WeeklySeries of(ScopeKind scope, String id, Map<String, MetricsAggregate> aggregatesByWeek,
      Anonymity anonymity) {
    Objects.requireNonNull(anonymity, "anonymity");
    TreeMap<IsoWeek, MetricsAggregate> sorted = new TreeMap<>();
    aggregatesByWeek.forEach((window, aggregate) -> {
      if (!AggregateKey.ALL.equals(window) && !aggregate.zero()) {
        sorted.put(IsoWeek.parse(window), aggregate);
      }
    });
    List<MetricsDocument> weeks = new ArrayList<>();
    sorted.forEach((week, aggregate) ->
        weeks.add(MetricsDocument.of(AggregateKey.week(scope, id, week), aggregate, anonymity)));
    return new WeeklySeries(Map.of(scope.field(), id), weeks);
  }
}
