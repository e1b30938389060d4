package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard test's known scenario in one unit: a decision that heard all three core perspectives with
 * feedback from three customers (shown) and one organization respondent (withheld), a use of power that heard
 * no customer, and an open decision. Everything through the HTTP API, back-dated.
 */
final class DashboardScenario {

  static final String UNIT = "dash-north";
  static final String MANAGER = "m-dash";
  static final String HEARD_ALL = "dash-multi";
  static final String POWER = "dash-power";
  static final String OPEN = "dash-open";
  static final String LATE = "dash-late";
  private static final List<String> CUSTOMERS = List.of("r-dash-c1", "r-dash-c2", "r-dash-c3");
  private static final String ORGANIZATION = "r-dash-o1";

  private final TestNode node;
  private final Instant now;
  private final Http manager;

  DashboardScenario(TestNode node, Instant now) {
    this.node = node;
    this.now = now;
    this.manager = node.manager(MANAGER);
  }

  void feed() throws Exception {
    open(HEARD_ALL, "Cleaning rounds outside meeting hours", "INTERACTION", ago(20), ago(15));
    hear(HEARD_ALL, "CUSTOMER", "DIALOGUE", ago(20).plusSeconds(3600));
    hear(HEARD_ALL, "EMPLOYEE", "CONSULTED", ago(19));
    hear(HEARD_ALL, "ORGANIZATION", "INFORMED", ago(19).plusSeconds(60));
    post(manager, "/api/v1/decisions/" + HEARD_ALL + "/outcome", "{\"outcome\":\"Rounds move to 07:00 and 18:00\","
        + "\"rationale\":\"Users and the night shift both keep their hours\",\"usesPower\":false,"
        + "\"occurredAt\":\"" + ago(18) + "\"}");
    post(manager, "/api/v1/decisions/" + HEARD_ALL + "/communications",
        "{\"audience\":[\"CUSTOMER\",\"EMPLOYEE\"],\"channel\":\"weekly user meeting\",\"occurredAt\":\"" + ago(17) + "\"}");
    int rating = 3;
    for (String customer : CUSTOMERS) {
      feedback(customer, "CUSTOMER", rating++);
    }
    feedback(ORGANIZATION, "ORGANIZATION", 2);

    open(POWER, "One supplier for all sites", "POWER", ago(10), null);
    hear(POWER, "ORGANIZATION", "CONSULTED", ago(10).plusSeconds(600));
    post(manager, "/api/v1/decisions/" + POWER + "/outcome", "{\"outcome\":\"One supplier from January\","
        + "\"rationale\":\"Cheaper and one contract\",\"usesPower\":true,\"occurredAt\":\"" + ago(8) + "\"}");

    open(OPEN, "Coffee machines on every floor", "CONTENT", ago(3), null);
  }

  /** One more decision, opened now: the dashboard has to show it without a reload. */
  void openAnother() throws Exception {
    open(LATE, "Late opening", "OWN_ACTION", now, null);
  }

  /** What a viewer must never see: the respondents' ids and their comments. */
  List<String> personalData() {
    List<String> personal = new java.util.ArrayList<>(CUSTOMERS);
    personal.add(ORGANIZATION);
    CUSTOMERS.forEach(c -> personal.add(comment(c)));
    personal.add(comment(ORGANIZATION));
    return personal;
  }

  private static String comment(String respondent) {
    return "private remark of " + respondent;
  }

  private void open(String id, String title, String group, Instant at, Instant due) throws Exception {
    post(manager, "/api/v1/decisions", "{\"decisionId\":\"" + id + "\",\"title\":\"" + title + "\",\"unit\":\""
        + UNIT + "\",\"managerId\":\"" + MANAGER + "\",\"activityGroup\":\"" + group + "\","
        + (due == null ? "" : "\"dueBy\":\"" + due + "\",") + "\"occurredAt\":\"" + at + "\"}");
  }

  private void hear(String id, String perspective, String depth, Instant at) throws Exception {
    post(manager, "/api/v1/decisions/" + id + "/hearings", "{\"perspective\":\"" + perspective + "\",\"depth\":\""
        + depth + "\",\"summary\":\"heard\",\"occurredAt\":\"" + at + "\"}");
  }

  private void feedback(String respondent, String perspective, int rating) throws Exception {
    post(node.stakeholder(respondent, perspective), "/api/v1/decisions/" + HEARD_ALL + "/feedback", "{\"perspective\":\""
        + perspective + "\",\"respondentId\":\"" + respondent + "\",\"ratings\":{\"clarity\":" + rating
        + ",\"speed\":" + rating + ",\"heard\":" + rating + ",\"addedValue\":" + rating + "},\"comment\":\""
        + comment(respondent) + "\",\"occurredAt\":\"" + ago(16) + "\"}");
  }

  private static void post(Http as, String path, String body) throws Exception {
    HttpResponse<String> response = as.post(path, body);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
  }

  private Instant ago(int days) {
    return now.minus(Duration.ofDays(days));
  }
}
