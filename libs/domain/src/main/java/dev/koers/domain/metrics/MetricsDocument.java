package dev.koers.domain.metrics;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Perspective;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics document of api.md ("The metrics document"): the same shape for a unit or a manager, for all
 * time or one ISO week. A figure that cannot be computed is null, never 0. docs/metrics.md defines each.
 *
 * @param scope {@code {"unit": id}} or {@code {"managerId": id}}
 * @param window {@code ALL} or an ISO week such as {@code 2026-W48}
 * @param counts opened, decided, withdrawn, revised, communicated
 * @param leadTimeSeconds p50 and p90 of the lead times of decisions decided in the window
 * @param communicationLagSeconds p50 of the lags of decisions first communicated in the window
 * @param onTimeShare on time / decided with a due date
 * @param revisionRate decided in the window and revised since / decided in the window
 * @param withdrawalRate withdrawn / (decided + withdrawn)
 * @param valueConsensusShare with value consensus / decided with current feedback from two or more perspectives
 * @param scores overall and per perspective, anonymity applied
 * @param coverage per perspective: share and mean depth
 * @param balance per class: count of decided decisions
 * @param perceptionGap per activity group: mean added value of CUSTOMER minus ORGANIZATION feedback
 * @param dialogue the dialogue cadence of a manager; null for a unit
 */
public record MetricsDocument(
    Map<String, String> scope,
    String window,
    Counts counts,
    LeadTimeSeconds leadTimeSeconds,
    CommunicationLagSeconds communicationLagSeconds,
    Double onTimeShare,
    Double revisionRate,
    Double withdrawalRate,
    Double valueConsensusShare,
    Scores scores,
    Map<Perspective, CoverageFigure> coverage,
    Map<Balance, Long> balance,
    Map<ActivityGroup, Double> perceptionGap,
    Dialogue dialogue) {

  public MetricsDocument {
    scope = Map.copyOf(scope);
    Objects.requireNonNull(window, "window");
    coverage = EnumMaps.sparse(Perspective.class, coverage);
    balance = EnumMaps.sparse(Balance.class, balance);
    perceptionGap = EnumMaps.everyKey(ActivityGroup.class, perceptionGap);
  }

  /** The document of an aggregate; {@link MetricsAggregate#ZERO} renders a window where nothing happened. */
  public static MetricsDocument of(AggregateKey key, MetricsAggregate aggregate, Anonymity anonymity) {
    Counts counts = aggregate.counts();
    DecidedTotals decided = aggregate.decided();
    return new MetricsDocument(
        Map.of(key.scope().field(), key.id()),
        key.window(),
        counts,
        LeadTimeSeconds.of(decided.leadTimeSeconds()),
        CommunicationLagSeconds.of(aggregate.communicationLagSeconds()),
        Ratios.of(decided.onTime(), decided.withDueDate()),
        Ratios.of(decided.revised(), counts.decided()),
        Ratios.of(counts.withdrawn(), counts.decided() + counts.withdrawn()),
        Ratios.of(decided.consensusReached(), decided.consensusEligible()),
        Scores.of(aggregate.feedback(), anonymity),
        EnumMaps.render(Perspective.class, decided.coverage(), c -> CoverageFigure.of(c, counts.decided())),
        decided.balance(),
        EnumMaps.render(ActivityGroup.class, aggregate.feedback().perceptionGap(), g -> gap(g, anonymity)),
        key.scope() == ScopeKind.MANAGER ? Dialogue.of(aggregate.dialogueWeeks()) : null);
  }

  /** Each side is a score group: a withheld side counts as missing, or the gap would reveal its mean. */
  private static Double gap(GapTotals totals, Anonymity anonymity) {
    ScoreTotals customer = totals.customer();
    ScoreTotals organization = totals.organization();
    if (anonymity.withholds(customer.respondents().distinct())
        || anonymity.withholds(organization.respondents().distinct())) {
      return null;
    }
    return Ratios.difference(customer.ratings().addedValueSum(), customer.ratings().addedValueCount(),
        organization.ratings().addedValueSum(), organization.ratings().addedValueCount());
  }
}
