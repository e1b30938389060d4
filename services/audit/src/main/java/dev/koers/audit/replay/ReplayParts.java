package dev.koers.audit.replay;

import dev.koers.domain.metrics.Anonymity;
import java.util.List;

/** What a replay rebuilds: every decision's state (the views' projector) and every metric (the metric core). */
public final class ReplayParts {

  private ReplayParts() {}

  public static List<ReplayPart> standard(Anonymity anonymity) {
    return List.of(new DecisionsPart(anonymity), new MetricsPart(anonymity));
  }
}
