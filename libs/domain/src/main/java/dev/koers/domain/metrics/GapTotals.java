package dev.koers.domain.metrics;

import java.util.Objects;

/**
 * The two sides of a perception gap for one activity group: current {@code CUSTOMER} and
 * {@code ORGANIZATION} feedback on decisions of that group. Each side is a score group, so anonymity applies.
 */
public record GapTotals(ScoreTotals customer, ScoreTotals organization) {

  public static final GapTotals ZERO = new GapTotals(ScoreTotals.ZERO, ScoreTotals.ZERO);

  public GapTotals {
    customer = Objects.requireNonNullElse(customer, ScoreTotals.ZERO);
    organization = Objects.requireNonNullElse(organization, ScoreTotals.ZERO);
  }

  public GapTotals plus(GapTotals other) {
    return combine(other, 1);
  }

  public GapTotals minus(GapTotals other) {
    return combine(other, -1);
  }

  GapTotals combine(GapTotals other, int sign) {
    return new GapTotals(customer.combine(other.customer, sign), organization.combine(other.organization, sign));
  }

  /** Adds up many gaps in one go (see {@link MetricsAggregate.Sum}). */
  static final class Sum {

    private final ScoreTotals.Sum customer = new ScoreTotals.Sum();
    private final ScoreTotals.Sum organization = new ScoreTotals.Sum();

    void add(GapTotals term) {
      customer.add(term.customer);
      organization.add(term.organization);
    }

    GapTotals total() {
      return new GapTotals(customer.total(), organization.total());
    }
  }
}
