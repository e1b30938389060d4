package dev.koers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.schema.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's stories: deterministic per seed, within the rules' order, and telling the study's story. */
class DemoPlanTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  private static List<List<DemoStep>> history(long seed) {
    return new DemoPlan(DemoCast.standard(), seed, "t").history(NOW, 56, 150);
  }

  @Test
  void theSameSeedTellsTheSameStoriesAndAnotherSeedOthers() {
    assertThat(render(history(7))).isEqualTo(render(history(7)));
    assertThat(render(history(8))).isNotEqualTo(render(history(7)));
  }

  @Test
  void everyStoryKeepsTheRulesOrderAndNothingLiesInTheFuture() {
    for (List<DemoStep> story : history(3)) {
      assertThat(story.get(0).kind()).isEqualTo("decisions");
      Instant opened = story.get(0).occurredAt();
      Instant decided = null;
      String end = null;
      for (DemoStep step : story) {
        assertThat(step.occurredAt()).isBetween(opened, NOW);
        assertThat(step.body().get("occurredAt").asText()).isEqualTo(step.occurredAt().toString());
        if (step.deliberatelyBad()) {
          continue;
        }
        switch (step.kind()) {
          case "hearings" -> assertThat(decided).as("heard while open").isNull();
          case "outcome" -> decided = step.occurredAt();
          case "withdrawal" -> end = "withdrawn";
          case "communications", "revisions", "feedback" -> assertThat(decided).as(step.kind() + " once decided").isNotNull();
          default -> { }
        }
        assertThat(end == null || step.kind().equals("withdrawal")).isTrue();
      }
    }
  }

  @Test
  void managersWithWeeklyDialoguesTalkWithCustomersEveryWeekAndOthersRarely() {
    Map<String, Set<Integer>> dialogueWeeks = new HashMap<>();
    for (List<DemoStep> story : history(5)) {
      String manager = story.get(0).body().get("managerId").asText();
      for (DemoStep step : story) {
        if (step.kind().equals("hearings") && !step.deliberatelyBad()
            && step.body().get("perspective").asText().equals("CUSTOMER")
            && Set.of("DIALOGUE", "CO_DECIDED").contains(step.body().get("depth").asText())) {
          dialogueWeeks.computeIfAbsent(manager, m -> new HashSet<>())
              .add(step.occurredAt().atOffset(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
      }
    }
    for (DemoCast.Manager manager : DemoCast.standard().managers()) {
      int weeks = dialogueWeeks.getOrDefault(manager.id(), Set.of()).size();
      if (manager.weeklyDialogue()) {
        assertThat(weeks).as(manager.id()).isGreaterThanOrEqualTo(8);
      } else {
        assertThat(weeks).as(manager.id()).isLessThan(8);
      }
    }
  }

  @Test
  void customersValueUsesOfPowerMoreThanTheOrganization() {
    Map<String, List<Integer>> addedValue = new HashMap<>();
    for (List<DemoStep> story : history(11)) {
      if (!story.get(0).body().get("activityGroup").asText().equals("POWER")) {
        continue;
      }
      story.stream().filter(s -> s.kind().equals("feedback") && !s.deliberatelyBad()).forEach(s -> addedValue
          .computeIfAbsent(s.body().get("perspective").asText(), p -> new ArrayList<>())
          .add(s.body().get("ratings").get("addedValue").asInt()));
    }
    assertThat(mean(addedValue.get("CUSTOMER"))).isGreaterThan(mean(addedValue.get("ORGANIZATION")) + 0.5);
  }

  @Test
  void someDecisionsAreCustomerSwayedSomeHearNoCustomerAndSomeAreRevisedOrWithdrawn() {
    int swayed = 0;
    int noCustomer = 0;
    Set<String> kinds = new HashSet<>();
    int bad = 0;
    for (List<DemoStep> story : history(2)) {
      Set<String> heard = new HashSet<>();
      story.stream().filter(s -> s.kind().equals("hearings") && !s.deliberatelyBad())
          .forEach(s -> heard.add(s.body().get("perspective").asText()));
      heard.remove("OTHER");
      swayed += heard.equals(Set.of("CUSTOMER")) ? 1 : 0;
      noCustomer += !heard.isEmpty() && !heard.contains("CUSTOMER") ? 1 : 0;
      story.forEach(s -> kinds.add(s.kind()));
      bad += (int) story.stream().filter(DemoStep::deliberatelyBad).count();
      story.stream().filter(s -> s.kind().equals("feedback"))
          .forEach(s -> assertThat(s.actor().role()).isEqualTo(Role.STAKEHOLDER));
    }
    assertThat(swayed).isPositive();
    assertThat(noCustomer).isPositive();
    assertThat(kinds).contains("revisions", "withdrawal", "communications", "feedback");
    assertThat(bad).isPositive();
  }

  private static double mean(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
  }

  private static List<String> render(List<List<DemoStep>> stories) {
    return stories.stream().flatMap(List::stream)
        .map(s -> s.idempotencyKey() + " " + s.actor() + " " + s.path() + " " + s.body()).toList();
  }
}
