package dev.koers.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.Records;
import dev.koers.audit.verify.Findings;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.domain.metrics.MetricsReplay;
import dev.koers.domain.metrics.MetricsSnapshot;
import dev.koers.schema.DecisionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay's metrics are the metric core's own, to the last digit, however the sum is ordered. */
class MetricsPartTest {

  @Test
  void theSameAggregatesAndDocumentsAsMetricsReplay() {
    List<DecisionEvent> events = LedgerRun.events(Histories.interleaved(301));
    MetricsPart part = new MetricsPart(Anonymity.DEFAULT);
    Records.feed(Records.raw(events), new Replay(Selection.ALL, null, List.of(part), new Findings()));

    MetricsSnapshot expected = MetricsReplay.replay(events);
    MetricsPart.Result result = part.result();

    assertThat(result.decisions()).isEqualTo(expected.decisions(Anonymity.DEFAULT));
    assertThat(List.copyOf(result.documents())).isEqualTo(List.copyOf(expected.documents(Anonymity.DEFAULT).values()));
  }
}
