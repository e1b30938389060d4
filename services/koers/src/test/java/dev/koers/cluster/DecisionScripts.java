package dev.koers.cluster;

import dev.koers.api.auth.Principal;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The life of one decision as the load makes it, the same over HTTP and through the Java client: opened, two
 * perspectives heard, decided, communicated, and rated by three stakeholders (enough for scores to show):
 * {@value #STEPS} submissions, each valid in order. Units, activity groups and ratings vary with the number.
 */
public final class DecisionScripts {

  public static final int STEPS = 8;
  public static final int UNITS = 6;

  private static final Perspective[] RATERS = {Perspective.CUSTOMER, Perspective.EMPLOYEE, Perspective.ORGANIZATION};

  private DecisionScripts() {}

  /** Decision {@code n} of {@code client} over HTTP, as manager {@code managerId}; tokens minted by {@code tokens}. */
  public static List<HttpLoadClient.HttpStep> http(String client, String managerId, int n,
                                                   Function<Principal, String> tokens) {
    String id = client + "-" + n;
    String manager = tokens.apply(new Principal(managerId, Role.MANAGER, managerId, null));
    String path = "/api/v1/decisions/" + id;
    List<HttpLoadClient.HttpStep> steps = new ArrayList<>();
    steps.add(new HttpLoadClient.HttpStep(id, "/api/v1/decisions", """
        {"decisionId": "%s", "title": "Decision %s", "unit": "%s", "managerId": "%s", "activityGroup": "%s"}"""
        .formatted(id, id, unit(n), managerId, group(n)), manager, id + "-open"));
    steps.add(new HttpLoadClient.HttpStep(id, path + "/hearings", """
        {"perspective": "CUSTOMER", "depth": "DIALOGUE", "summary": "Talked it through."}""", manager, id + "-hear-1"));
    steps.add(new HttpLoadClient.HttpStep(id, path + "/hearings", """
        {"perspective": "EMPLOYEE", "depth": "%s"}""".formatted(depth(n)), manager, id + "-hear-2"));
    steps.add(new HttpLoadClient.HttpStep(id, path + "/outcome", """
        {"outcome": "Go ahead", "rationale": "Weighed both.", "usesPower": %s}""".formatted(n % 5 == 0), manager,
        id + "-decide"));
    steps.add(new HttpLoadClient.HttpStep(id, path + "/communications", """
        {"audience": ["CUSTOMER", "EMPLOYEE"], "channel": "email"}""", manager, id + "-communicate"));
    for (int k = 0; k < RATERS.length; k++) {
      String respondent = id + "-r" + k;
      steps.add(new HttpLoadClient.HttpStep(id, path + "/feedback", """
          {"perspective": "%s", "respondentId": "%s", "ratings": {"clarity": %d, "speed": %d}}"""
          .formatted(RATERS[k], respondent, rating(n, k), rating(n, k + 3)),
          tokens.apply(Principal.stakeholder(respondent, RATERS[k])), id + "-feedback-" + k));
    }
    return steps;
  }

  /**
   * Decision {@code n} of {@code client} through the Java client, as manager {@code managerId}: each step built
   * when it is due (its times are then), and the same object sent again on a retry.
   */
  public static List<Supplier<Submission>> java(String client, String managerId, int n) {
    String id = client + "-" + n;
    Actor manager = new Actor(managerId, Role.MANAGER);
    List<Supplier<Submission>> steps = new ArrayList<>();
    steps.add(() -> submission(id, "open", manager, new OpenDecision("Decision " + id, null, unit(n), managerId,
        group(n), null, null)));
    steps.add(() -> submission(id, "hear-1", manager, new HearPerspective(Perspective.CUSTOMER, Depth.DIALOGUE, null,
        "Talked it through.")));
    steps.add(() -> submission(id, "hear-2", manager, new HearPerspective(Perspective.EMPLOYEE, depth(n), null,
        null)));
    steps.add(() -> submission(id, "decide", manager, new MakeDecision("Go ahead", "Weighed both.", n % 5 == 0)));
    steps.add(() -> submission(id, "communicate", manager, new CommunicateDecision(
        List.of(Perspective.CUSTOMER, Perspective.EMPLOYEE), "email")));
    for (int k = 0; k < RATERS.length; k++) {
      int rater = k;
      String respondent = id + "-r" + k;
      steps.add(() -> submission(id, "feedback-" + rater, new Actor(respondent, Role.STAKEHOLDER),
          new GiveFeedback(RATERS[rater], respondent, null, rating(n, rater), rating(n, rater + 3), null, null,
              null)));
    }
    return steps;
  }

  public static String unit(int n) {
    return "u-" + (n % UNITS);
  }

  private static Submission submission(String decisionId, String step, Actor actor, Object command) {
    Instant now = Instant.now();
    return new Submission(decisionId + "-" + step, decisionId, now, now, actor, null, command);
  }

  private static ActivityGroup group(int n) {
    return ActivityGroup.values()[n % ActivityGroup.values().length];
  }

  private static Depth depth(int n) {
    return Depth.values()[n % Depth.values().length];
  }

  private static int rating(int n, int k) {
    return 1 + (n * 7 + k * 3) % 5;
  }
}
