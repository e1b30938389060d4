package dev.koers.domain;

import dev.koers.schema.Submission;
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bounds of everything a submitter controls, so that every reader can fold whatever the ledger accepts:
 * every instant lies in [{@link #EARLIEST}, {@link #LATEST}], every id, name and text has a maximum length and
 * holds only the characters its kind allows ({@link Characters}). The {@link Decider} enforces them (so direct
 * writers to the submissions topic are held to them too) and the HTTP edge asks them before submitting, to name
 * the field. docs/rules.md, "Bounds", says why each bound is where it is.
 */
public final class InputBounds {

  /** The Unix epoch: no reader ever meets a negative timestamp-millis. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  /** The last millisecond of 9999-12-30 UTC: in every time zone still in year 9999, and in ISO week 9999-W52. */
  public static final Instant LATEST = Instant.parse("9999-12-30T23:59:59.999Z");
  public static final int DECISION_ID_MAX = 64;
  /** As the HTTP edge's Idempotency-Key, which becomes the submission id. */
  public static final int SUBMISSION_ID_MAX = 128;
  /** Titles, after trimming. */
  public static final int TITLE_MAX = 200;
  /** Short names and ids: unit, managerId, activity, label, channel, respondentId, the actor's id. */
  public static final int NAME_MAX = 200;
  /** Prose: context, summary, outcome, rationale, reason, comment. */
  public static final int TEXT_MAX = 10_000;
  public static final int RATING_MIN = 1;
  public static final int RATING_MAX = 5;

  private static final Pattern DECISION_ID = Pattern.compile("[A-Za-z0-9._-]{1," + DECISION_ID_MAX + "}");
  private static final int SHOWN_MAX = 80;

  /** How long a kind of field may be and which characters it takes. */
  private enum Kind {
    NAME(NAME_MAX, false),
    TITLE(TITLE_MAX, false),
    TEXT(TEXT_MAX, true),
    SUBMISSION_ID(SUBMISSION_ID_MAX, false);

    final int max;
    final boolean multiline;

    Kind(int max, boolean multiline) {
      this.max = max;
      this.multiline = multiline;
    }
  }

  private record Bounded(String field, String value, Kind kind) {}

  private InputBounds() {}

  /**
   * The first field of the submission outside its bounds: {@code occurredAt}, then the command's fields in the
   * order of its schema, then the submission id and the actor's id. Missing values pass: they are
   * FIELD_REQUIRED's concern.
   */
  public static Optional<FieldViolation> check(Submission submission) {
    Optional<FieldViolation> occurredAt = instant("occurredAt", submission.getOccurredAt());
    if (occurredAt.isPresent()) {
      return occurredAt;
    }
    Object command = submission.getCommand();
    if (command instanceof OpenDecision open) {
      Optional<FieldViolation> texts = texts(List.of(new Bounded("title", trimmed(open.getTitle()), Kind.TITLE),
          new Bounded("context", open.getContext(), Kind.TEXT), new Bounded("unit", open.getUnit(), Kind.NAME),
          new Bounded("managerId", open.getManagerId(), Kind.NAME),
          new Bounded("activity", open.getActivity(), Kind.NAME)));
      if (texts.isPresent()) {
        return texts;
      }
      Optional<FieldViolation> dueBy = instant("dueBy", open.getDueBy());
      if (dueBy.isPresent()) {
        return dueBy;
      }
    } else {
      Optional<FieldViolation> texts = texts(commandTexts(command)).or(() -> ratings(command));
      if (texts.isPresent()) {
        return texts;
      }
    }
    return texts(List.of(new Bounded("submissionId", submission.getSubmissionId(), Kind.SUBMISSION_ID),
        new Bounded("actor.id", submission.getActor() == null ? null : submission.getActor().getId(), Kind.NAME)));
  }

  /** A decision id: 1..64 characters of [A-Za-z0-9._-], and not the path segments "." or "..". */
  public static Optional<FieldViolation> decisionId(String field, String id) {
    if (id != null && DECISION_ID.matcher(id).matches() && !id.equals(".") && !id.equals("..")) {
      return Optional.empty();
    }
    return Optional.of(new FieldViolation(Rule.DECISION_ID_INVALID, field, "decision id " + shown(id)
        + " must be 1.." + DECISION_ID_MAX + " characters from A-Z, a-z, 0-9, '.', '_' and '-', and not '.' or '..'"));
  }

  /** Null passes: an absent rating is allowed, a present one must be a whole number on the scale. */
  public static Optional<FieldViolation> rating(String field, Integer value) {
    if (value == null || (value >= RATING_MIN && value <= RATING_MAX)) {
      return Optional.empty();
    }
    return Optional.of(new FieldViolation(Rule.RATING_OUT_OF_RANGE, field, field + " must be a whole number from "
        + RATING_MIN + " to " + RATING_MAX + "; it is " + value));
  }

  /** A feedback's ratings, named as the HTTP body nests them. */
  private static Optional<FieldViolation> ratings(Object command) {
    if (!(command instanceof GiveFeedback c)) {
      return Optional.empty();
    }
    return rating("ratings.clarity", c.getClarity())
        .or(() -> rating("ratings.speed", c.getSpeed()))
        .or(() -> rating("ratings.heard", c.getHeard()))
        .or(() -> rating("ratings.addedValue", c.getAddedValue()));
  }

  /** An instant a submitter gives: null passes (required is another rule). */
  public static Optional<FieldViolation> instant(String field, Instant value) {
    if (value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST))) {
      return Optional.empty();
    }
    return Optional.of(new FieldViolation(Rule.INSTANT_OUT_OF_RANGE, field, field + " " + value
        + " is outside the log's range: it must lie from " + EARLIEST + " to " + LATEST));
  }

  private static List<Bounded> commandTexts(Object command) {
    if (command instanceof HearPerspective c) {
      return List.of(new Bounded("label", c.getLabel(), Kind.NAME), new Bounded("summary", c.getSummary(), Kind.TEXT));
    } else if (command instanceof MakeDecision c) {
      return List.of(new Bounded("outcome", c.getOutcome(), Kind.TEXT),
          new Bounded("rationale", c.getRationale(), Kind.TEXT));
    } else if (command instanceof CommunicateDecision c) {
      return List.of(new Bounded("channel", c.getChannel(), Kind.NAME));
    } else if (command instanceof ReviseDecision c) {
      return List.of(new Bounded("reason", c.getReason(), Kind.TEXT), new Bounded("outcome", c.getOutcome(), Kind.TEXT));
    } else if (command instanceof WithdrawDecision c) {
      return List.of(new Bounded("reason", c.getReason(), Kind.TEXT));
    } else if (command instanceof GiveFeedback c) {
      return List.of(new Bounded("respondentId", c.getRespondentId(), Kind.NAME),
          new Bounded("label", c.getLabel(), Kind.NAME), new Bounded("comment", c.getComment(), Kind.TEXT));
    }
    throw new IllegalArgumentException("not a Koers command: " + command);
  }

  private static Optional<FieldViolation> texts(List<Bounded> fields) {
    for (Bounded bounded : fields) {
      Optional<FieldViolation> violation = text(bounded);
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  /** An opening's title: 1..200 characters after trimming (it is stored trimmed). */
  public static Optional<FieldViolation> title(String title) {
    int length = title == null ? 0 : length(title.trim());
    if (length >= 1 && length <= TITLE_MAX) {
      return Optional.empty();
    }
    return Optional.of(new FieldViolation(Rule.TITLE_LENGTH, "title", "title must be 1.." + TITLE_MAX
        + " characters after trimming; it has " + length));
  }

  /** Length first, then characters. */
  private static Optional<FieldViolation> text(Bounded bounded) {
    String value = bounded.value();
    if (value == null) {
      return Optional.empty();
    }
    if (bounded.kind() == Kind.TITLE) {
      Optional<FieldViolation> title = title(value);
      if (title.isPresent()) {
        return title;
      }
    }
    int length = length(value);
    if (length > bounded.kind().max) {
      return Optional.of(new FieldViolation(Rule.TEXT_TOO_LONG, bounded.field(), bounded.field()
          + " must be at most " + bounded.kind().max + " characters; it has " + length));
    }
    Optional<String> forbidden = bounded.kind().multiline
        ? Characters.forbiddenInText(value) : Characters.forbiddenInLine(value);
    return forbidden.map(what -> new FieldViolation(Rule.CHARACTER_NOT_ALLOWED, bounded.field(), bounded.field()
        + " must not hold " + what + (bounded.kind().multiline
        ? "; free text takes tabs and line breaks (LF or CRLF) but no other control character"
        : "; a single-line field takes no control character, bidi embedding, override or isolate")));
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String trimmed(String title) {
    return title == null ? null : title.trim();
  }

  /** A value as a message may show it: quoted, cut short, every character outside printable ASCII escaped. */
  static String shown(String value) {
    return value == null ? "null" : "'" + printable(value) + "'";
  }

  /** A value cut short and with every character outside printable ASCII as {@code \\uXXXX}: safe on one line. */
  static String printable(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < value.length() && i < SHOWN_MAX; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        shown.append(c);
      } else {
        shown.append(String.format("\\u%04X", (int) c));
      }
    }
    return shown.append(value.length() > SHOWN_MAX ? "…" : "").toString();
  }
}
