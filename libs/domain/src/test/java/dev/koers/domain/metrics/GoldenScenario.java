package dev.koers.domain.metrics;

import static dev.koers.schema.ActivityGroup.CONTENT;
import static dev.koers.schema.ActivityGroup.INTERACTION;
import static dev.koers.schema.ActivityGroup.OWN_ACTION;
import static dev.koers.schema.ActivityGroup.POWER;
import static dev.koers.schema.Depth.CONSULTED;
import static dev.koers.schema.Depth.CO_DECIDED;
import static dev.koers.schema.Depth.DIALOGUE;
import static dev.koers.schema.Depth.INFORMED;
import static dev.koers.schema.Perspective.CUSTOMER;
import static dev.koers.schema.Perspective.EMPLOYEE;
import static dev.koers.schema.Perspective.ORGANIZATION;
import static dev.koers.schema.Perspective.OTHER;

import dev.koers.schema.DecisionEvent;
import java.time.Instant;
import java.util.List;

/**
 * The golden scenario, written in the order the log records it (every time is UTC, every event passes the
 * ledger's rules). Weeks: 2026-W52 = Mon 21 Dec .. Sun 27 Dec 2026; 2026-W53 = Mon 28 Dec 2026 .. Sun 3 Jan
 * 2027 (2026 has 53 ISO weeks); 2027-W01 = 4..10 Jan; 2027-W02 = 11..17 Jan; 2027-W03 = 18..24 Jan.
 *
 * <pre>
 * decision   unit        manager  group        due               life
 * d-roster   facilities  m-anna   POWER        2026-12-31 17:00  opened W52, decided W53 (back-dated), revised W01
 * d-menu     facilities  m-anna   CONTENT      -                 opened W53, decided W01
 * d-signage  facilities  m-anna   INTERACTION  2027-01-19 00:00  opened W03, still open
 * d-rota     catering    m-bram   INTERACTION  2027-01-08 00:00  opened W01, decided W02 (late)
 * d-vending  catering    m-bram   OWN_ACTION   2027-01-20 00:00  opened W01, withdrawn W01
 * d-gate     security    m-bram   POWER        2027-01-01 00:00  opened W53, decided W53, revised W53 and W02
 * d-patrol   security    m-bram   CONTENT      -                 opened W02, still open
 * </pre>
 */
final class GoldenScenario {

  static final String ROSTER = "d-roster";
  static final String MENU = "d-menu";
  static final String SIGNAGE = "d-signage";
  static final String ROTA = "d-rota";
  static final String VENDING = "d-vending";
  static final String GATE = "d-gate";
  static final String PATROL = "d-patrol";

  private GoldenScenario() {}

  static List<DecisionEvent> log() {
    LogBuilder log = new LogBuilder(t("2026-12-21T08:00"));
    log.open(ROSTER, "facilities", "m-anna", POWER, t("2026-12-31T17:00"), t("2026-12-21T09:00"))
        .hear(ROSTER, CUSTOMER, DIALOGUE, t("2026-12-22T10:00"))
        .hear(ROSTER, EMPLOYEE, CONSULTED, t("2026-12-23T10:00"))
        .hear(ROSTER, ORGANIZATION, CO_DECIDED, t("2026-12-23T11:00"))
        .open(MENU, "facilities", "m-anna", CONTENT, null, t("2026-12-28T08:00"))
        .hear(MENU, CUSTOMER, INFORMED, t("2026-12-28T09:00"))
        .open(GATE, "security", "m-bram", POWER, t("2027-01-01T00:00"), t("2026-12-29T08:00"))
        .hear(GATE, CUSTOMER, CONSULTED, t("2026-12-29T09:00"))
        .hear(GATE, EMPLOYEE, INFORMED, t("2026-12-29T10:00"))
        .decide(GATE, t("2026-12-31T10:00"))
        // Recorded while d-roster is open, but they happened after its (back-dated) decision below.
        .hear(ROSTER, OTHER, CONSULTED, t("2027-01-02T10:00"))
        .hear(ROSTER, CUSTOMER, CO_DECIDED, t("2027-01-02T11:00"))
        .decide(ROSTER, t("2026-12-30T15:00"))
        .revise(GATE, t("2027-01-02T09:00"))
        .communicate(GATE, t("2027-01-02T10:00"))
        .feedback(GATE, "r-cust3", CUSTOMER, 5, 5, 4, 4, t("2027-01-02T12:00"))
        .feedback(GATE, "r-cust4", CUSTOMER, 4, null, null, 5, t("2027-01-02T13:00"))
        .feedback(ROSTER, "r-org1", ORGANIZATION, 4, 4, 5, 4, t("2026-12-31T12:00"))
        .feedback(GATE, "r-cust5", CUSTOMER, null, null, null, 3, t("2027-01-03T09:00"))
        .feedback(GATE, "r-org2", ORGANIZATION, 3, null, null, 2, t("2027-01-03T10:00"))
        .feedback(GATE, "r-org3", ORGANIZATION, null, null, null, 3, t("2027-01-03T11:00"))
        .feedback(GATE, "r-org4", ORGANIZATION, null, null, null, 3, t("2027-01-03T12:00"))
        .communicate(ROSTER, t("2027-01-04T09:00"))
        .open(ROTA, "catering", "m-bram", INTERACTION, t("2027-01-08T00:00"), t("2027-01-04T09:00"))
        .feedback(ROSTER, "r-cust1", CUSTOMER, 5, 4, 4, 5, t("2027-01-04T12:00"))
        .feedback(ROSTER, "r-emp1", EMPLOYEE, 3, 3, 2, 3, t("2027-01-04T13:00"))
        // Back-dated: an earlier communication, recorded later, is the first one.
        .communicate(ROSTER, t("2026-12-31T09:00"))
        // Back-dated behind r-cust1's current feedback (4 Jan): recorded later, but it does not replace it.
        .feedback(ROSTER, "r-cust1", CUSTOMER, 1, 1, 1, 1, t("2027-01-03T12:00"))
        .open(VENDING, "catering", "m-bram", OWN_ACTION, t("2027-01-20T00:00"), t("2027-01-05T08:00"))
        .hear(ROTA, EMPLOYEE, DIALOGUE, t("2027-01-05T09:00"))
        .hear(ROTA, ORGANIZATION, INFORMED, t("2027-01-05T10:00"))
        .hear(MENU, CUSTOMER, DIALOGUE, t("2027-01-05T09:00"))
        .revise(ROSTER, t("2027-01-05T10:00"))
        .feedback(ROSTER, "r-cust2", CUSTOMER, 4, 5, 3, 4, t("2027-01-05T12:00"))
        .hear(VENDING, CUSTOMER, DIALOGUE, t("2027-01-06T09:00"))
        .decide(MENU, t("2027-01-06T12:00"))
        .withdraw(VENDING, t("2027-01-07T10:00"))
        .feedback(MENU, "r-cust1", CUSTOMER, 3, null, null, 2, t("2027-01-07T10:00"))
        .feedback(MENU, "r-org1", ORGANIZATION, 4, null, null, 5, t("2027-01-07T11:00"))
        .open(PATROL, "security", "m-bram", CONTENT, null, t("2027-01-11T08:00"))
        .revise(GATE, t("2027-01-11T09:00"))
        .decide(ROTA, t("2027-01-11T10:00"))
        .communicate(ROTA, t("2027-01-11T16:00"))
        // r-emp1 replaces the feedback of 4 Jan (2027-W01) with this one (2027-W02).
        .feedback(ROSTER, "r-emp1", EMPLOYEE, 4, 4, 4, 4, t("2027-01-12T09:00"))
        .hear(PATROL, CUSTOMER, CO_DECIDED, t("2027-01-12T09:00"))
        .feedback(ROTA, "r-emp2", EMPLOYEE, 2, null, null, 3, t("2027-01-12T10:00"))
        .open(SIGNAGE, "facilities", "m-anna", INTERACTION, t("2027-01-19T00:00"), t("2027-01-18T08:00"))
        .hear(SIGNAGE, CUSTOMER, DIALOGUE, t("2027-01-19T09:00"));
    return log.events();
  }

  /** "2026-12-21T09:00" in UTC. */
  static Instant t(String minute) {
    return Instant.parse(minute + ":00Z");
  }
}
