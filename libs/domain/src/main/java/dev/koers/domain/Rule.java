package dev.koers.domain;

/**
 * The stable codes of the rules the log enforces. A rejection names exactly one of them; the codes are a
 * contract (they travel in {@code Rejected.rule} and in problem+json), so never rename one. docs/rules.md
 * lists when each fires.
 */
public enum Rule {
  DECISION_ALREADY_EXISTS(OutcomeClass.CONFLICT, "Decision already exists"),
  DECISION_NOT_FOUND(OutcomeClass.NOT_FOUND, "Decision not found"),
  STALE_SEQUENCE(OutcomeClass.CONFLICT, "Stale sequence"),
  ROLE_NOT_ALLOWED(OutcomeClass.FORBIDDEN, "Role not allowed"),
  NOT_OWNING_MANAGER(OutcomeClass.FORBIDDEN, "Not the owning manager"),
  /** A stakeholder gives feedback only as themself: respondentId must be their own actor id. */
  RESPONDENT_MISMATCH(OutcomeClass.FORBIDDEN, "Not your own feedback"),
  DECISION_NOT_OPEN(OutcomeClass.CONFLICT, "Decision not open"),
  DECISION_NOT_DECIDED(OutcomeClass.CONFLICT, "Decision not decided"),
  /** Decision ids are 1..64 characters from {@code [A-Za-z0-9._-]} (api.md); checked at the opening. */
  DECISION_ID_INVALID(OutcomeClass.UNPROCESSABLE, "Invalid decision id"),
  TITLE_LENGTH(OutcomeClass.UNPROCESSABLE, "Title length"),
  FIELD_REQUIRED(OutcomeClass.UNPROCESSABLE, "Field required"),
  /** Perspective {@code OTHER} must say whose perspective it is, in a hearing and in feedback. */
  LABEL_REQUIRED(OutcomeClass.UNPROCESSABLE, "Label required"),
  TEXT_TOO_LONG(OutcomeClass.UNPROCESSABLE, "Text too long"),
  FEEDBACK_WITHOUT_RATING(OutcomeClass.UNPROCESSABLE, "Feedback without rating"),
  RATING_OUT_OF_RANGE(OutcomeClass.UNPROCESSABLE, "Rating out of range"),
  OCCURS_IN_FUTURE(OutcomeClass.UNPROCESSABLE, "Occurs in the future"),
  OCCURS_BEFORE_OPENING(OutcomeClass.UNPROCESSABLE, "Occurs before the opening"),
  OCCURS_BEFORE_DECISION(OutcomeClass.UNPROCESSABLE, "Occurs before the decision"),
  DUE_BEFORE_OPENING(OutcomeClass.UNPROCESSABLE, "Due before the opening"),
  /** occurredAt or dueBy outside the range every reader folds ({@link InputBounds#EARLIEST}..{@link InputBounds#LATEST}). */
  INSTANT_OUT_OF_RANGE(OutcomeClass.UNPROCESSABLE, "Instant out of range"),
  /** A control character, bidi override or isolate, or unpaired surrogate where the field takes none ({@link Characters}). */
  CHARACTER_NOT_ALLOWED(OutcomeClass.UNPROCESSABLE, "Character not allowed"),
  /** A decision takes at most {@link DecisionLimits#MAX_HEARINGS} hearings: the view keeps them in one record. */
  TOO_MANY_HEARINGS(OutcomeClass.CONFLICT, "Too many hearings"),
  /** A decision takes at most {@link DecisionLimits#MAX_REVISIONS} revisions: the facts keep them in one record. */
  TOO_MANY_REVISIONS(OutcomeClass.CONFLICT, "Too many revisions"),
  /** The idempotency key on this decision belongs to another caller; its outcome is not theirs to see. */
  IDEMPOTENCY_KEY_IN_USE(OutcomeClass.CONFLICT, "Idempotency key in use"),
  /** The same caller sent the same idempotency key with a different request. */
  IDEMPOTENCY_KEY_REUSED(OutcomeClass.UNPROCESSABLE, "Idempotency key reused for another request"),
  /** A submission without a valid proof by the submission key: its actor is claimed, not proven. */
  SUBMISSION_NOT_PROVEN(OutcomeClass.FORBIDDEN, "Submission not proven");

  /** Which kind of failure a rule is, so the HTTP edge can pick a status without knowing every rule. */
  public enum OutcomeClass {
    NOT_FOUND(404),
    CONFLICT(409),
    FORBIDDEN(403),
    UNPROCESSABLE(422);

    private final int httpStatus;

    OutcomeClass(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final OutcomeClass outcomeClass;
  private final String title;

  Rule(OutcomeClass outcomeClass, String title) {
    this.outcomeClass = outcomeClass;
    this.title = title;
  }

  public OutcomeClass outcomeClass() {
    return outcomeClass;
  }

  public int httpStatus() {
    return outcomeClass.httpStatus();
  }

  /** A short summary, the same for every occurrence (problem+json {@code title}). */
  public String title() {
    return title;
  }
}
