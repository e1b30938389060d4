package dev.koers.domain;

import java.util.Optional;

/** One group of rules; the {@link Decider} runs the groups in order and stops at the first rejection. */
interface RuleCheck {

  Optional<Verdict.Reject> check(Attempt attempt);
}
