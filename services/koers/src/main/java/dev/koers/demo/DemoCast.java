package dev.koers.demo;

import dev.koers.schema.Perspective;
import java.util.List;
import java.util.Map;

/**
 * Who takes part in the demo: units, their managers (some hold a weekly dialogue with customers, as the study
 * recommends, and some do not), and each unit's pseudonymous respondents per perspective.
 */
public record DemoCast(List<Manager> managers, Map<Perspective, Integer> respondentsPerUnit) {

  /** A manager of one unit; {@code weeklyDialogue}: talks with customers every week. */
  public record Manager(String id, String unit, boolean weeklyDialogue) {}

  public static DemoCast standard() {
    return new DemoCast(List.of(
        new Manager("m-anna", "facility-north", true),
        new Manager("m-bram", "facility-north", false),
        new Manager("m-chris", "facility-south", true),
        new Manager("m-dewi", "catering-west", false),
        new Manager("m-eli", "catering-west", true),
        new Manager("m-femke", "security-east", false)),
        Map.of(Perspective.CUSTOMER, 6, Perspective.EMPLOYEE, 5, Perspective.ORGANIZATION, 4, Perspective.OTHER, 3));
  }

  public List<String> units() {
    return managers.stream().map(Manager::unit).distinct().toList();
  }

  /** A respondent's pseudonym: unit, perspective and number, e.g. r-facility-north-customer-3. */
  public static String respondent(String unit, Perspective perspective, int number) {
    return "r-" + unit + "-" + perspective.name().toLowerCase(java.util.Locale.ROOT) + "-" + number;
  }
}
