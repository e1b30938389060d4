package dev.koers.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.koers.api.auth.Principal;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes one decision's story as the study tells it (docs/demo.md): who is heard and how deeply depends on the
 * manager's habits; uses of power are quick and customers value them more than the organization does; some
 * decisions are customer-swayed, some hear no customer; feedback comes late, minds change, decisions are
 * revised or withdrawn. Story time is in hours, scaled by {@code hour} (an hour in history, a moment live).
 */
final class StoryWriter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Map<ActivityGroup, List<String>> TITLES = Map.of(
      ActivityGroup.OWN_ACTION, List.of("Plan the holiday roster myself", "Walk the sites every Monday",
          "Answer every complaint within a day"),
      ActivityGroup.INTERACTION, List.of("Weekly conversation with the users", "Monthly review with the client",
          "Team meeting about the new routes"),
      ActivityGroup.CONTENT, List.of("New cleaning schedule for meeting rooms", "Menu with more vegetarian dishes",
          "Badge readers at the side entrance"),
      ActivityGroup.POWER, List.of("One supplier for all sites", "Stop the evening shift on Fridays",
          "Close the second restaurant", "Move the service desk to the ground floor"));
  private static final List<String> COMMENTS = List.of("Clear and quick.", "We were asked first, that helped.",
      "I would have liked to hear it earlier.", "Good choice, even if it costs us a little.",
      "Not sure who this is for.", "Finally someone decided.");

  private final DemoCast cast;
  private final Random random;

  StoryWriter(DemoCast cast, Random random) {
    this.cast = cast;
    this.random = random;
  }

  /** The story's steps in the order they occur, none after {@code horizon}. */
  List<DemoStep> write(String decisionId, DemoCast.Manager manager, ActivityGroup group, Instant opened,
      Duration hour, Instant horizon, boolean withBadRequest) {
    Story story = new Story(decisionId, manager, opened, hour);
    boolean power = group == ActivityGroup.POWER;
    double leadHours = power ? between(4, 48) : manager.weeklyDialogue() ? between(24, 120) : between(48, 336);
    ObjectNode open = JSON.objectNode().put("decisionId", decisionId)
        .put("title", pick(TITLES.get(group))).put("context", "Demo traffic following the study's story.")
        .put("unit", manager.unit()).put("managerId", manager.id()).put("activityGroup", group.name())
        .put("activity", group.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + (1 + random.nextInt(8)));
    if (random.nextDouble() < 0.6) {
      open.put("dueBy", story.at(leadHours * between(0.8, 1.6)).toString());
    }
    story.add(managerOf(manager), "/api/v1/decisions", open, 0);

    Map<Perspective, Depth> heard = hearings(manager, power);
    int i = 0;
    for (Map.Entry<Perspective, Depth> hearing : heard.entrySet()) {
      ObjectNode body = JSON.objectNode().put("perspective", hearing.getKey().name())
          .put("depth", hearing.getValue().name()).put("summary", "Heard " + hearing.getKey().name().toLowerCase());
      if (hearing.getKey() == Perspective.OTHER) {
        body.put("label", "end users");
      }
      story.add(managerOf(manager), path(decisionId, "hearings"), body, leadHours * (0.05 + 0.8 * i++ / heard.size()));
    }
    boolean withdrawn = random.nextDouble() < 0.07;
    if (withBadRequest) {
      badRequest(story, manager, leadHours, withdrawn);
    }
    if (withdrawn) {
      story.add(managerOf(manager), path(decisionId, "withdrawal"),
          JSON.objectNode().put("reason", "Overtaken by the client's reorganisation."), leadHours * 0.9);
      return story.steps(horizon);
    }
    boolean usesPower = power ? random.nextDouble() < 0.75 : random.nextDouble() < 0.08;
    story.add(managerOf(manager), path(decisionId, "outcome"), JSON.objectNode()
        .put("outcome", "Decided: " + open.get("title").asText().toLowerCase()).put("rationale", power
            ? "Someone has to choose; this serves the site best, even if not every user gets what they asked."
            : "Fits what we heard from the perspectives involved.").put("usesPower", usesPower), leadHours);
    boolean communicated = random.nextDouble() < 0.85;
    if (communicated) {
      ArrayNode audience = JSON.arrayNode();
      heard.keySet().stream().filter(p -> p != Perspective.OTHER).forEach(p -> audience.add(p.name()));
      if (audience.isEmpty()) {
        audience.add(Perspective.EMPLOYEE.name());
      }
      ObjectNode communication = JSON.objectNode().put("channel", manager.weeklyDialogue() ? "weekly user meeting" : "e-mail");
      communication.set("audience", audience);
      story.add(managerOf(manager), path(decisionId, "communications"), communication, leadHours + between(2, 72));
    }
    feedback(story, manager, group, heard, leadHours, communicated);
    if (random.nextDouble() < 0.1) {
      story.add(managerOf(manager), path(decisionId, "revisions"), JSON.objectNode()
          .put("reason", "The users' first weeks showed a better way.").put("outcome", "Revised after feedback"),
          leadHours + between(72, 336));
    }
    return story.steps(horizon);
  }

  /** Who is heard, and how deeply: dialogue managers hear everyone, often in real dialogue; others less so. */
  private Map<Perspective, Depth> hearings(DemoCast.Manager manager, boolean power) {
    Map<Perspective, Depth> heard = new EnumMap<>(Perspective.class);
    double r = random.nextDouble();
    if (manager.weeklyDialogue()) {
      heard.put(Perspective.CUSTOMER, random.nextDouble() < 0.3 ? Depth.CO_DECIDED : Depth.DIALOGUE);
      heard.put(Perspective.EMPLOYEE, random.nextBoolean() ? Depth.DIALOGUE : Depth.CONSULTED);
      if (r < 0.8) {
        heard.put(Perspective.ORGANIZATION, power ? Depth.DIALOGUE : Depth.CONSULTED);
      }
    } else if (r < 0.3) {
      heard.put(Perspective.EMPLOYEE, Depth.CONSULTED);
      heard.put(Perspective.ORGANIZATION, Depth.DIALOGUE); // no customer heard
    } else if (r < 0.45) {
      heard.put(Perspective.CUSTOMER, Depth.DIALOGUE); // customer-swayed: only the customer heard
    } else if (r < 0.75) {
      heard.put(Perspective.CUSTOMER, Depth.INFORMED);
      heard.put(Perspective.ORGANIZATION, Depth.CONSULTED);
    } else {
      heard.put(Perspective.CUSTOMER, Depth.CONSULTED);
      heard.put(Perspective.EMPLOYEE, Depth.INFORMED);
      heard.put(Perspective.ORGANIZATION, Depth.CONSULTED);
    }
    if (random.nextDouble() < 0.2) {
      heard.put(Perspective.OTHER, Depth.INFORMED);
    }
    return heard;
  }

  private void feedback(Story story, DemoCast.Manager manager, ActivityGroup group, Map<Perspective, Depth> heard,
      double leadHours, boolean communicated) {
    for (Perspective perspective : Perspective.values()) {
      int pool = cast.respondentsPerUnit().get(perspective);
      int respondents = perspective == Perspective.OTHER ? random.nextInt(3) : 1 + random.nextInt(pool);
      List<Integer> numbers = new ArrayList<>();
      for (int n = 1; n <= pool; n++) {
        numbers.add(n);
      }
      java.util.Collections.shuffle(numbers, random);
      for (int k = 0; k < Math.min(respondents, pool); k++) {
        String respondent = DemoCast.respondent(manager.unit(), perspective, numbers.get(k));
        boolean late = random.nextDouble() < 0.1;
        double at = leadHours + (late ? between(300, 600) : between(6, 240));
        Ratings ratings = ratings(perspective, group, heard, leadHours, communicated);
        story.add(stakeholder(respondent, perspective), path(story.decisionId, "feedback"),
            feedbackBody(perspective, respondent, ratings), at);
        if (random.nextDouble() < 0.15) { // a change of mind, some days later
          story.add(stakeholder(respondent, perspective), path(story.decisionId, "feedback"),
              feedbackBody(perspective, respondent, ratings.changed(random)), at + between(24, 200));
        }
      }
    }
  }

  private Ratings ratings(Perspective perspective, ActivityGroup group, Map<Perspective, Depth> heard,
      double leadHours, boolean communicated) {
    boolean power = group == ActivityGroup.POWER;
    boolean swayed = heard.containsKey(Perspective.CUSTOMER) && !heard.containsKey(Perspective.EMPLOYEE)
        && !heard.containsKey(Perspective.ORGANIZATION);
    // Every party sees the added value when all three were heard: the study's real customer orientation.
    boolean everyone = heard.keySet().containsAll(List.of(Perspective.CUSTOMER, Perspective.EMPLOYEE,
        Perspective.ORGANIZATION));
    double value = switch (perspective) {
      case CUSTOMER -> power ? 4.4 : deep(heard.get(Perspective.CUSTOMER)) ? 4.2 : 3.4;
      case ORGANIZATION -> power ? 3.0 : swayed ? 2.6 : everyone ? 4.2 : 3.6;
      case EMPLOYEE -> swayed ? 2.8 : everyone ? 4.2 : 3.4;
      case OTHER -> 3.5;
    };
    Depth depth = heard.get(perspective);
    double heardMean = depth == null ? 2.2 : deep(depth) ? 4.3 : 3.4;
    double clarity = (communicated ? 4.0 : 3.2) + (power ? 0.3 : 0);
    double speed = leadHours < 48 ? 4.5 : leadHours < 120 ? 3.7 : 2.6;
    return new Ratings(rate(clarity), random.nextDouble() < 0.1 ? null : rate(speed), rate(heardMean), rate(value));
  }

  private static boolean deep(Depth depth) {
    return depth == Depth.DIALOGUE || depth == Depth.CO_DECIDED;
  }

  private ObjectNode feedbackBody(Perspective perspective, String respondent, Ratings ratings) {
    ObjectNode body = JSON.objectNode().put("perspective", perspective.name()).put("respondentId", respondent);
    if (perspective == Perspective.OTHER) {
      body.put("label", "end user");
    }
    ObjectNode r = body.putObject("ratings").put("clarity", ratings.clarity()).put("heard", ratings.heard())
        .put("addedValue", ratings.addedValue());
    if (ratings.speed() != null) {
      r.put("speed", ratings.speed());
    }
    if (random.nextDouble() < 0.3) {
      body.put("comment", pick(COMMENTS));
    }
    return body;
  }

  /** One of three mistakes a real client makes, which the log must refuse by its rule. */
  private void badRequest(Story story, DemoCast.Manager owner, double leadHours, boolean withdrawn) {
    switch (random.nextInt(withdrawn ? 2 : 3)) {
      case 0 -> {
        DemoCast.Manager other = cast.managers().stream().filter(m -> !m.equals(owner)).toList()
            .get(random.nextInt(cast.managers().size() - 1));
        story.addBad(managerOf(other), path(story.decisionId, "hearings"), JSON.objectNode()
            .put("perspective", "EMPLOYEE").put("depth", "INFORMED"), leadHours * 0.02, Set.of("NOT_OWNING_MANAGER"));
      }
      case 1 -> {
        String respondent = DemoCast.respondent(owner.unit(), Perspective.CUSTOMER, 1);
        // A stakeholder may not read the decision, so it is told only that the decision did not take it.
        story.addBad(stakeholder(respondent, Perspective.CUSTOMER), path(story.decisionId, "feedback"),
            feedbackBody(Perspective.CUSTOMER, respondent, new Ratings(4, 4, 4, 4)), leadHours * 0.5,
            Set.of("NOT_TAKEN"));
      }
      default -> {
        String respondent = DemoCast.respondent(owner.unit(), Perspective.EMPLOYEE, 1);
        story.addBad(stakeholder(respondent, Perspective.EMPLOYEE), path(story.decisionId, "feedback"),
            feedbackBody(Perspective.EMPLOYEE, respondent, new Ratings(6, 4, 4, 4)), leadHours + 1,
            Set.of("RATING_OUT_OF_RANGE")); // once decided, so that only the rating is wrong
      }
    }
  }

  private int rate(double mean) {
    return (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.8)));
  }

  private double between(double low, double high) {
    return low + random.nextDouble() * (high - low);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static String path(String decisionId, String command) {
    return "/api/v1/decisions/" + decisionId + "/" + command;
  }

  static Principal managerOf(DemoCast.Manager manager) {
    return new Principal(manager.id(), Role.MANAGER, manager.id(), null);
  }

  static Principal stakeholder(String respondent, Perspective perspective) {
    return Principal.stakeholder(respondent, perspective);
  }

  private record Ratings(Integer clarity, Integer speed, Integer heard, Integer addedValue) {
    Ratings changed(Random random) {
      int shift = random.nextBoolean() ? 1 : -1;
      return new Ratings(clamp(clarity + shift), speed, clamp(heard), clamp(addedValue + shift));
    }

    private static int clamp(int rating) {
      return Math.max(1, Math.min(5, rating));
    }
  }

  /** The steps of one story, timed in story hours from the opening. */
  private static final class Story {
    private final String decisionId;
    private final Instant opened;
    private final Duration hour;
    private final List<DemoStep> steps = new ArrayList<>();

    Story(String decisionId, DemoCast.Manager manager, Instant opened, Duration hour) {
      this.decisionId = decisionId;
      this.opened = opened;
      this.hour = hour;
    }

    Instant at(double hours) {
      return opened.plusMillis(Math.round(hours * hour.toMillis())).truncatedTo(ChronoUnit.MILLIS);
    }

    void add(Principal actor, String path, ObjectNode body, double hours) {
      addBad(actor, path, body, hours, Set.of());
    }

    void addBad(Principal actor, String path, ObjectNode body, double hours, Set<String> refusedBy) {
      Instant when = at(hours);
      body.put("occurredAt", when.toString());
      steps.add(new DemoStep(decisionId, decisionId + "-" + steps.size(), actor, path, body, when, refusedBy));
    }

    /** In the order they occur (ties keep the order written), cut at the horizon: the rest has not happened yet. */
    List<DemoStep> steps(Instant horizon) {
      List<DemoStep> ordered = new ArrayList<>(steps);
      ordered.sort(Comparator.comparing(DemoStep::occurredAt));
      List<DemoStep> happened = new ArrayList<>();
      for (DemoStep step : ordered) {
        if (step.occurredAt().isAfter(horizon)) {
          break;
        }
        happened.add(step);
      }
      return happened;
    }
  }
}
