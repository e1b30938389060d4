package dev.koers.audit.replay;

import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.Contribution;
import dev.koers.domain.metrics.Contributions;
import dev.koers.domain.metrics.DecisionFacts;
import dev.koers.domain.metrics.DecisionFactsFold;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.MetricsAggregate;
import dev.koers.domain.metrics.MetricsDocument;
import dev.koers.domain.metrics.MetricsReplay;
import dev.koers.domain.metrics.MetricsSnapshot;
import dev.koers.schema.DecisionEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every metric of the selected decisions with the pure metric core, exactly as {@link MetricsReplay#replay}
 * computes it: each decision's events folded into its facts (one event at a time, as {@link MetricsReplay#fold}
 * does, so the log need not be held in memory), then every decision's contributions summed per aggregate.
 */
public final class MetricsPart implements ReplayPart {

  private final DecisionFactsFold fold = new DecisionFactsFold();
  /** Each decision's facts, by decision id. */
  private final Map<String, DecisionFacts> facts = new HashMap<>();
  private final Anonymity anonymity;

  public MetricsPart(Anonymity anonymity) {
    this.anonymity = anonymity;
  }

  @Override
  public String name() {
    return "metrics";
  }

  @Override
  public void accept(DecisionEvent event) {
    String id = event.getDecisionId();
    facts.put(id, fold.apply(facts.get(id), event));
  }

  @Override
  public Result result() {
    SortedMap<String, DecisionFacts> sorted = new TreeMap<>(facts);
    MetricsSnapshot snapshot = new MetricsSnapshot(sorted, MetricsReplay.aggregate(sorted.values()));
    return new Result(anonymity.minRespondents(), snapshot.decisions(anonymity),
        snapshot.documents(anonymity).values());
  }

  /**
   * @param minRespondents the anonymity threshold applied to scores
   * @param decisions each decision's figures, by id
   * @param documents every unit and manager document, all time and per ISO week (each names its scope and window)
   */
  public record Result(int minRespondents, SortedMap<String, DecisionMetrics> decisions,
                       Collection<MetricsDocument> documents) {}
}
