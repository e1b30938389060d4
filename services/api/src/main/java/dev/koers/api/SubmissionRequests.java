package dev.koers.api;

import dev.koers.api.auth.Principal;
import dev.koers.schema.Actor;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/** Builds the submission for a command request: who acts, idempotency, expected sequence, clocks. */
final class SubmissionRequests {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
  private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

  private final Clock clock;

  SubmissionRequests(Clock clock) {
    this.clock = clock;
  }

  Submission build(Context ctx, Principal principal, String decisionId, JsonBody body, SpecificRecord command) {
    Instant now = clock.instant();
    Instant occurredAt = body.optionalInstant("occurredAt");
    return Submission.newBuilder()
        .setSubmissionId(idempotencyKey(ctx).orElse(UUID.randomUUID().toString()))
        .setDecisionId(decisionId)
        .setSubmittedAt(now)
        .setOccurredAt(occurredAt != null ? occurredAt : now)
        .setActor(actor(principal, command))
        .setExpectedSequence(expectedSequence(ctx))
        .setCommand(command)
        .build();
  }

  static Optional<String> idempotencyKey(Context ctx) {
    String key = ctx.header("Idempotency-Key");
    if (key == null) {
      return Optional.empty();
    }
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw JsonBody.bad("Idempotency-Key", "the Idempotency-Key header must be 1..128 visible ASCII characters");
    }
    return Optional.of(key);
  }

  /** If-Match carries the decision's sequence as its ETag says it, quoted or not. */
  private static Long expectedSequence(Context ctx) {
    String value = ctx.header("If-Match");
    if (value == null) {
      return null;
    }
    var match = IF_MATCH.matcher(value.strip());
    if (!match.matches()) {
      throw JsonBody.bad("If-Match", "If-Match must be the decision's sequence number, such as \"3\"");
    }
    return Long.parseLong(match.group(1));
  }

  /** A manager acts as their manager id, a stakeholder as their respondent (see {@link StakeholderBinding}). */
  private static Actor actor(Principal principal, SpecificRecord command) {
    return switch (principal.role()) {
      case MANAGER -> new Actor(principal.managerId(), Role.MANAGER);
      case STAKEHOLDER -> new Actor(StakeholderBinding.respondent(principal, command), Role.STAKEHOLDER);
      default -> new Actor(principal.subject(), principal.role());
    };
  }
}
