package dev.koers.audit.testing;

import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.CommunicateDecision;
import dev.koers.schema.command.GiveFeedback;
import dev.koers.schema.command.HearPerspective;
import dev.koers.schema.command.MakeDecision;
import dev.koers.schema.command.OpenDecision;
import dev.koers.schema.command.ReviseDecision;
import dev.koers.schema.command.WithdrawDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Realistic, deterministic decision histories, interleaved across decisions as a busy log would be. Decision i
 * ({@code d-000}, {@code d-001}, ...) is in unit facilities (even i) or catering (odd i), owned by manager
 * {@code m-(i % 3 + 1)}; it is opened, hears the customer and the employees, and then is withdrawn (i % 4 == 3)
 * or decided, communicated, rated, and for i % 3 == 0 revised. Decision d-000's title and context hold a comma,
 * quotes and a line break.
 */
public final class Histories {

  public static final String FACILITIES = "facilities";
  public static final String CATERING = "catering";

  private Histories() {}

  public static String decisionId(int i) {
    return String.format(Locale.ROOT, "d-%03d", i);
  }

  public static String unit(int i) {
    return i % 2 == 0 ? FACILITIES : CATERING;
  }

  public static String manager(int i) {
    return "m-" + (i % 3 + 1);
  }

  /** Each decision's commands, round-robin: first every opening, then every second command, and so on. */
  public static List<Submission> interleaved(int decisions) {
    List<List<Object>> commands = new ArrayList<>();
    for (int i = 0; i < decisions; i++) {
      commands.add(history(i));
    }
    List<Submission> submissions = new ArrayList<>();
    for (int step = 0; step < 8; step++) {
      for (int i = 0; i < decisions; i++) {
        if (step < commands.get(i).size()) {
          submissions.add(submission(i, step, commands.get(i).get(step)));
        }
      }
    }
    return submissions;
  }

  private static List<Object> history(int i) {
    String title = i == 0 ? "Roster \"night\", shift" : "Decision " + i + " on the weekly roster";
    String context = i == 0 ? "Customers complain,\nsay \"late\"" : "Context of decision " + i;
    List<Object> history = new ArrayList<>();
    history.add(new OpenDecision(title, context, unit(i), manager(i), ActivityGroup.values()[i % 4], "roster", null));
    history.add(new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null, "weekly conversation"));
    history.add(new HearPerspective(Perspective.EMPLOYEE, Depth.CONSULTED, null, null));
    if (i % 4 == 3) {
      history.add(new WithdrawDecision("The contract ends"));
      return history;
    }
    history.add(new MakeDecision("Night shift starts at 22:00 for decision " + i, "Fewer complaints", i % 2 == 0));
    history.add(new CommunicateDecision(List.of(Perspective.CUSTOMER, Perspective.EMPLOYEE), "team meeting"));
    history.add(new GiveFeedback(Perspective.CUSTOMER, "r-" + i, null, 4, 5, 3, i % 5 + 1, "Clear"));
    if (i % 3 == 0) {
      history.add(new ReviseDecision("Opening hours moved", "Night shift starts at 21:00"));
    }
    return history;
  }

  private static Submission submission(int i, int step, Object command) {
    Actor actor = command instanceof GiveFeedback feedback
        ? new Actor(feedback.getRespondentId(), Role.STAKEHOLDER) : new Actor(manager(i), Role.MANAGER);
    // Instants are filled in by the ledger run: occurredAt is the recordedAt it gives.
    return new Submission("s-" + decisionId(i) + "-" + step, decisionId(i), Instant.EPOCH,
        Instant.EPOCH, actor, null, command);
  }
}
