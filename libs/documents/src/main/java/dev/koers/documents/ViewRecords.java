package dev.koers.documents;

import dev.koers.domain.metrics.AggregateKey;
import dev.koers.domain.metrics.Balance;
import dev.koers.domain.metrics.CoverageFigure;
import dev.koers.domain.metrics.DecisionMetrics;
import dev.koers.domain.metrics.MetricsDocument;
import dev.koers.domain.view.DecisionView;
import dev.koers.domain.view.Hearing;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Perspective;
import dev.koers.schema.view.BalanceClass;
import dev.koers.schema.view.BalanceMix;
import dev.koers.schema.view.CommunicationLag;
import dev.koers.schema.view.Counts;
import dev.koers.schema.view.Coverage;
import dev.koers.schema.view.DecisionStatus;
import dev.koers.schema.view.DecisionSummary;
import dev.koers.schema.view.Dialogue;
import dev.koers.schema.view.HeardDepths;
import dev.koers.schema.view.HearingSummary;
import dev.koers.schema.view.LeadTime;
import dev.koers.schema.view.MetricsView;
import dev.koers.schema.view.PerceptionGap;
import dev.koers.schema.view.PerspectiveScores;
import dev.koers.schema.view.ScopeKind;
import dev.koers.schema.view.ScoreGroup;
import dev.koers.schema.view.Scores;
import java.util.Map;

/**
 * The pure core's documents as the Avro records of the view topics. HTTP answers and server-sent events are
 * rendered from these same records ({@link ViewJson}), so a topic, a query and a stream cannot disagree.
 */
public final class ViewRecords {

  private static final dev.koers.domain.metrics.ScoreGroup NOBODY =
      new dev.koers.domain.metrics.ScoreGroup(0, false, null, null, null, null);

  private ViewRecords() {}

  public static DecisionSummary decision(DecisionView v, DecisionMetrics m) {
    return DecisionSummary.newBuilder()
        .setDecisionId(v.decisionId())
        .setStatus(DecisionStatus.valueOf(v.head().status().name()))
        .setSequence(v.head().sequence())
        .setHash(v.head().lastHash())
        .setTitle(v.opening().title())
        .setContext(v.opening().context())
        .setUnit(v.opening().unit())
        .setManagerId(v.opening().managerId())
        .setActivityGroup(v.opening().activityGroup())
        .setActivity(v.opening().activity())
        .setDueBy(v.opening().dueBy())
        .setOpenedAt(v.opening().openedAt())
        .setDecidedAt(v.course().decidedAt())
        .setOutcome(v.course().outcome())
        .setRationale(v.course().rationale())
        .setUsesPower(v.course().usesPower())
        .setFirstCommunicatedAt(v.course().firstCommunicatedAt())
        .setRevisions(v.course().revisions())
        .setWithdrawnAt(v.course().withdrawnAt())
        .setLastRecordedAt(v.head().lastRecordedAt())
        .setHearings(v.hearings().stream().map(ViewRecords::hearing).toList())
        .setLeadTimeSeconds(m.leadTimeSeconds())
        .setCommunicationLagSeconds(m.communicationLagSeconds())
        .setOnTime(m.onTime())
        .setPerspectivesHeard(new HeardDepths(m.perspectivesHeard().get(Perspective.CUSTOMER),
            m.perspectivesHeard().get(Perspective.EMPLOYEE), m.perspectivesHeard().get(Perspective.ORGANIZATION),
            m.perspectivesHeard().get(Perspective.OTHER)))
        .setBalance(m.balance() == null ? null : BalanceClass.valueOf(m.balance().name()))
        .setScores(scores(m.scores()))
        .setValueConsensus(m.valueConsensus())
        .build();
  }

  public static MetricsView metrics(MetricsDocument d, AggregateKey key) {
    return MetricsView.newBuilder()
        .setScopeKind(ScopeKind.valueOf(key.scope().name()))
        .setScopeId(key.id())
        .setWindow(d.window())
        .setCounts(new Counts(d.counts().opened(), d.counts().decided(), d.counts().withdrawn(),
            d.counts().revised(), d.counts().communicated()))
        .setLeadTimeSeconds(new LeadTime(d.leadTimeSeconds().p50(), d.leadTimeSeconds().p90()))
        .setCommunicationLagSeconds(new CommunicationLag(d.communicationLagSeconds().p50()))
        .setOnTimeShare(d.onTimeShare())
        .setRevisionRate(d.revisionRate())
        .setWithdrawalRate(d.withdrawalRate())
        .setValueConsensusShare(d.valueConsensusShare())
        .setScores(scores(d.scores()))
        .setCoverage(new Coverage(coverage(d.coverage(), Perspective.CUSTOMER),
            coverage(d.coverage(), Perspective.EMPLOYEE), coverage(d.coverage(), Perspective.ORGANIZATION),
            coverage(d.coverage(), Perspective.OTHER)))
        .setBalance(new BalanceMix(count(d.balance(), Balance.MULTI_PERSPECTIVE),
            count(d.balance(), Balance.CUSTOMER_ONLY), count(d.balance(), Balance.NO_CUSTOMER),
            count(d.balance(), Balance.PARTIAL)))
        .setPerceptionGap(new PerceptionGap(d.perceptionGap().get(ActivityGroup.OWN_ACTION),
            d.perceptionGap().get(ActivityGroup.INTERACTION), d.perceptionGap().get(ActivityGroup.CONTENT),
            d.perceptionGap().get(ActivityGroup.POWER)))
        .setDialogue(d.dialogue() == null ? null
            : new Dialogue(d.dialogue().weeks(), d.dialogue().longestStreak(), d.dialogue().lastWeek()))
        .build();
  }

  private static HearingSummary hearing(Hearing h) {
    return new HearingSummary(h.perspective(), h.depth(), h.label(), h.occurredAt());
  }

  private static Scores scores(dev.koers.domain.metrics.Scores s) {
    Map<Perspective, dev.koers.domain.metrics.ScoreGroup> by = s.byPerspective();
    return new Scores(group(s.overall()), new PerspectiveScores(group(by.get(Perspective.CUSTOMER)),
        group(by.get(Perspective.EMPLOYEE)), group(by.get(Perspective.ORGANIZATION)),
        group(by.get(Perspective.OTHER))));
  }

  private static ScoreGroup group(dev.koers.domain.metrics.ScoreGroup g) {
    dev.koers.domain.metrics.ScoreGroup s = g == null ? NOBODY : g;
    return new ScoreGroup(s.respondents(), s.withheld(), s.clarity(), s.speed(), s.heard(), s.addedValue());
  }

  private static dev.koers.schema.view.CoverageFigure coverage(Map<Perspective, CoverageFigure> all, Perspective p) {
    CoverageFigure figure = all.get(p);
    return figure == null ? new dev.koers.schema.view.CoverageFigure(null, null)
        : new dev.koers.schema.view.CoverageFigure(figure.share(), figure.meanDepth());
  }

  private static long count(Map<Balance, Long> mix, Balance b) {
    Long n = mix.get(b);
    return n == null ? 0 : n;
  }
}
