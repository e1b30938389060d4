package dev.koers.testkit.history;

import java.time.Instant;

/**
 * The bounds docs/rules.md documents for what a submitter controls, as the generator aims at them. The test kit
 * depends on the schemas only (the domain's tests use it), so it cannot read {@code InputBounds}; a test in the
 * domain's users checks that {@link #DOCUMENTED} and {@code InputBounds} agree.
 */
public record Bounds(Instant earliest, Instant latest, int decisionIdMax, int submissionIdMax, int titleMax,
                     int nameMax, int textMax, int ratingMin, int ratingMax) {

  public static final Bounds DOCUMENTED = new Bounds(Instant.parse("1970-01-01T00:00:00Z"),
      Instant.parse("9999-12-30T23:59:59.999Z"), 64, 128, 200, 200, 10_000, 1, 5);
}
