package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless chromium) against a running node fed with a known
 * scenario: it shows the API's numbers, follows the event stream without a reload, opens a timeline, and shows
 * a viewer no respondent ids and no comments.
 */
@KafkaIntegrationTest
class DashboardIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void showsTheApisNumbersLiveWithTimelinesAndNoPersonalData(KafkaTestEnv kafka, @TempDir Path state,
      @TempDir Path profile) throws Exception {
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(30))) {
      DashboardScenario scenario = new DashboardScenario(node, Instant.now().truncatedTo(ChronoUnit.SECONDS));
      scenario.feed();
      Http viewer = node.viewer();
      await(() -> unitMetrics(viewer).path("counts").path("decided").asInt() == 2
          && unitMetrics(viewer).path("scores").path("overall").path("respondents").asInt() == 4);

      ChromeDriver browser = HeadlessChromium.start(profile, 1400, 2400);
      try {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(node.node().url() + "/");
        browser.findElement(By.id("token-input")).sendKeys(node.token(
            new dev.koers.api.auth.Principal("it-dashboard", dev.koers.schema.Role.VIEWER, null, null)));
        browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        assertTheStreamParserReadsEventsSplitAnywhere(browser);
        new Select(browser.findElement(By.id("unit-picker"))).selectByValue(DashboardScenario.UNIT);
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        wait.until(d -> shown(d, "#unit-cards [data-figure='counts.decided'] dd").equals("2"));
        // The page redraws when the stream reports a change: compare until both sides hold still.
        eventually(wait, () -> assertShownEqualsApi(browser, unitMetrics(viewer), json.readTree(viewer.get(
            "/api/v1/units/" + DashboardScenario.UNIT + "/metrics/weekly").body())));

        // A new submission appears without a reload.
        scenario.openAnother();
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-decision-id='" + DashboardScenario.LATE + "']")).isEmpty());
        wait.until(d -> shown(d, "#unit-cards [data-figure='counts.opened'] dd").equals("4"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true")).isEqualTo(true);

        // A decision's timeline opens, with every event and its hash.
        // By keyboard: the decision's button takes the focus and Enter opens its timeline, which takes the focus.
        browser.findElement(By.cssSelector("tr[data-decision-id='" + DashboardScenario.HEARD_ALL + "'] button"))
            .sendKeys(Keys.ENTER);
        JsonNode events = json.readTree(viewer.get("/api/v1/decisions/" + DashboardScenario.HEARD_ALL + "/events")
            .body()).get("events");
        wait.until(d -> d.findElements(By.cssSelector("#timeline-table tbody tr")).size() == events.size());
        eventually(wait, () -> {
          List<WebElement> rows = browser.findElements(By.cssSelector("#timeline-table tbody tr"));
          for (int i = 0; i < events.size(); i++) {
            assertThat(rows.get(i).findElement(By.cssSelector("[data-figure=hash]")).getText())
                .isEqualTo(events.get(i).get("hash").asText());
            assertThat(rows.get(i).getText()).contains(events.get(i).get("kind").asText());
          }
        });
        assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("timeline");

        // A viewer sees no respondent ids and no comments anywhere on the page.
        String page = browser.getPageSource();
        for (String personal : scenario.personalData()) {
          assertThat(page).doesNotContain(personal);
        }
        assertEveryControlIsLabelled(browser);

        Path shot = Path.of("target", "dashboard-it.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(shot)).isPositive();

        // The API docs: Swagger UI renders the served contract, every operation of it.
        int operations = 0;
        for (JsonNode path : json.readTree(viewer.get("/api/v1/openapi.json").body()).get("paths")) {
          operations += path.size();
        }
        browser.get(node.node().url() + "/api/docs");
        int expected = operations;
        wait.until(d -> d.findElements(By.cssSelector(".opblock")).size() == expected);
      } finally {
        browser.quit();
      }
    }
  }

  /** Every figure the unit view shows holds the API's value (data-value), in every table and card. */
  private void assertShownEqualsApi(ChromeDriver browser, JsonNode metrics, JsonNode weekly) throws Exception {
    for (WebElement card : browser.findElements(By.cssSelector("#unit-cards .card"))) {
      String path = "/" + card.getDomAttribute("data-figure").replace('.', '/');
      assertSame(card.findElement(By.tagName("dd")).getDomAttribute("data-value"), metrics.at(path), path);
    }
    assertThat(browser.findElements(By.cssSelector("#unit-cards .card"))).hasSizeGreaterThanOrEqualTo(8);
    for (String perspective : List.of("overall", "CUSTOMER", "EMPLOYEE", "ORGANIZATION", "OTHER")) {
      JsonNode group = perspective.equals("overall") ? metrics.at("/scores/overall")
          : metrics.at("/scores/byPerspective/" + perspective);
      WebElement row = browser.findElement(By.cssSelector("#scores-table tr[data-perspective='" + perspective + "']"));
      assertSame(cell(row, "respondents"), group.get("respondents"), perspective + " respondents");
      boolean withheld = !row.findElements(By.cssSelector("[data-figure=withheld]")).isEmpty();
      assertThat(withheld).as(perspective + " withheld").isEqualTo(group.get("withheld").asBoolean());
      if (withheld) {
        assertThat(row.getText()).contains("withheld").contains(group.get("respondents").asText());
      } else {
        for (String figure : List.of("clarity", "speed", "heard", "addedValue")) {
          assertSame(cell(row, figure), group.get(figure), perspective + " " + figure);
        }
      }
    }
    assertThat(metrics.at("/scores/byPerspective/CUSTOMER/withheld").asBoolean()).isFalse();
    assertThat(metrics.at("/scores/byPerspective/ORGANIZATION/withheld").asBoolean()).isTrue();
    for (String perspective : List.of("CUSTOMER", "EMPLOYEE", "ORGANIZATION", "OTHER")) {
      WebElement row = browser.findElement(By.cssSelector("#coverage-table tr[data-perspective='" + perspective + "']"));
      assertSame(cell(row, "share"), metrics.at("/coverage/" + perspective + "/share"), perspective + " share");
      assertSame(cell(row, "meanDepth"), metrics.at("/coverage/" + perspective + "/meanDepth"), perspective + " depth");
    }
    for (String balance : List.of("MULTI_PERSPECTIVE", "CUSTOMER_ONLY", "NO_CUSTOMER", "PARTIAL")) {
      WebElement row = browser.findElement(By.cssSelector("#balance-table tr[data-balance='" + balance + "']"));
      assertSame(cell(row, "count"), metrics.at("/balance/" + balance), balance);
    }
    for (String group : List.of("OWN_ACTION", "INTERACTION", "CONTENT", "POWER")) {
      WebElement row = browser.findElement(By.cssSelector("#gap-table tr[data-group='" + group + "']"));
      assertSame(cell(row, "gap"), metrics.at("/perceptionGap/" + group), group);
    }
    List<WebElement> weeks = browser.findElements(By.cssSelector("#lead-table tbody tr"));
    assertThat(weeks).hasSize(weekly.get("weeks").size());
    for (int i = 0; i < weeks.size(); i++) {
      JsonNode week = weekly.get("weeks").get(i);
      assertThat(weeks.get(i).getDomAttribute("data-week")).isEqualTo(week.get("window").asText());
      assertSame(cell(weeks.get(i), "p50"), week.at("/leadTimeSeconds/p50"), week.get("window") + " p50");
      assertSame(cell(weeks.get(i), "p90"), week.at("/leadTimeSeconds/p90"), week.get("window") + " p90");
    }
    assertThat(browser.findElements(By.cssSelector("#lead-chart canvas"))).isNotEmpty();
  }

  /** The page's SSE parser, fed a stream cut at awkward places (inside a CRLF, a field name, a multi-line data). */
  @SuppressWarnings("unchecked")
  private static void assertTheStreamParserReadsEventsSplitAnywhere(ChromeDriver browser) {
    List<String> parsed = (List<String>) browser.executeScript(
        "const seen = []; const feed = KoersSse.parser(e => seen.push(e.event + '|' + e.id + '|' + e.data));"
            + "[': subscribed\\r', '\\n\\r\\nev', 'ent: decision\\r\\nid: 7\\r\\ndata: {\"a\":', '1}\\r', '\\n\\r',"
            + " '\\n', 'data: one\\ndata:two\\n\\n', ': keep-alive\\n\\n', 'event: error\\rdata: {}\\r\\r'].forEach(feed);"
            + "return seen;");
    assertThat(parsed).containsExactly("decision|7|{\"a\":1}", "message|7|one\ntwo", "error|7|{}");
  }

  /** A check that gives the page time to settle; when it never passes, its last failure is the test's. */
  private static void eventually(WebDriverWait wait, Check check) throws Exception {
    try {
      wait.until(d -> {
        try {
          check.run();
          return true;
        } catch (AssertionError | WebDriverException e) {
          return false;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (TimeoutException e) {
      check.run();
    }
  }

  private interface Check {
    void run() throws Exception;
  }

  private static String cell(WebElement row, String figure) {
    return row.findElement(By.cssSelector("[data-figure='" + figure + "']")).getDomAttribute("data-value");
  }

  /** Equal as JSON values; numbers compared as numbers (4.0 from Java and 4 from JavaScript are one value). */
  private void assertSame(String shown, JsonNode api, String what) throws Exception {
    JsonNode value = json.readTree(shown);
    if (value.isNumber() && api.isNumber()) {
      assertThat(value.doubleValue()).as(what).isEqualTo(api.doubleValue());
    } else {
      assertThat(value).as(what).isEqualTo(api);
    }
  }

  private static void assertEveryControlIsLabelled(ChromeDriver browser) {
    for (WebElement control : browser.findElements(By.cssSelector("select, input"))) {
      String id = control.getDomAttribute("id");
      assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for " + id).isNotEmpty();
    }
  }

  private static String shown(org.openqa.selenium.WebDriver driver, String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private JsonNode unitMetrics(Http viewer) {
    try {
      var response = viewer.get("/api/v1/units/" + DashboardScenario.UNIT + "/metrics");
      return response.statusCode() == 200 ? json.readTree(response.body()) : json.createObjectNode();
    } catch (Exception e) {
      return json.createObjectNode();
    }
  }

  private static void await(java.util.concurrent.Callable<Boolean> condition) {
    org.awaitility.Awaitility.await().atMost(WAIT).until(condition);
  }
}
