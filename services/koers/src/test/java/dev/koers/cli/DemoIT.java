package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.koers.api.auth.Principal;
import dev.koers.demo.DemoCast;
import dev.koers.demo.DemoRun;
import dev.koers.demo.DemoTally;
import dev.koers.schema.Role;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A short demo run against a node: every request obeys the rules, and the views and the dashboard show its units. */
@KafkaIntegrationTest
class DemoIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aShortDemoIsAcceptedWholeAndTheViewsShowItsUnits(KafkaTestEnv kafka, @TempDir Path state,
      @TempDir Path profile) throws Exception {
    try (TestNode node = TestNode.start(kafka, state, Duration.ofSeconds(30))) {
      List<String> printed = new CopyOnWriteArrayList<>();
      DemoTally tally = new DemoRun(new DemoRun.Settings(node.node().url(), 42, "it", 200, 21, 24, 4, false),
          node.minter(), Clock.systemUTC(), printed::add).run();

      assertThat(tally.rejectedByRule()).as(String.join("\n", printed)).isEmpty();
      assertThat(tally.acceptedCount()).isGreaterThan(150);
      assertThat(tally.deliberateCount()).isPositive();
      assertThat(tally.deliberateByRule().keySet()).isSubsetOf("NOT_OWNING_MANAGER", "NOT_TAKEN",
          "RATING_OUT_OF_RANGE");
      assertThat(printed.get(0)).contains("decisions of the last 21 days");

      Http viewer = node.viewer();
      for (String unit : DemoCast.standard().units()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> decided(viewer, unit) > 0);
      }
      JsonNode weekly = json.readTree(viewer.get("/api/v1/units/facility-north/metrics/weekly").body());
      assertThat(weekly.get("weeks").size()).as("a history of weeks").isGreaterThanOrEqualTo(3);
      JsonNode anna = json.readTree(viewer.get("/api/v1/managers/m-anna/metrics").body());
      assertThat(anna.at("/dialogue/weeks").size()).as("m-anna talks with customers weekly").isGreaterThanOrEqualTo(3);

      ChromeDriver browser = HeadlessChromium.start(profile, 1280, 1800);
      try {
        browser.get(node.node().url() + "/");
        browser.findElement(By.id("token-input")).sendKeys(node.token(new Principal("it-demo", Role.VIEWER, null, null)));
        browser.findElement(By.id("token-input")).submit();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        List<String> units = browser.findElements(By.cssSelector("#unit-picker option")).stream()
            .map(WebElement::getText).toList();
        assertThat(units).containsAll(DemoCast.standard().units());
        wait.until(d -> d.findElements(By.cssSelector("#lead-table tbody tr")).size() >= 3);
        Path shot = Path.of("target", "dashboard-demo.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
      } finally {
        browser.quit();
      }
    }
  }

  private long decided(Http viewer, String unit) throws Exception {
    HttpResponse<String> response = viewer.get("/api/v1/units/" + unit + "/metrics");
    return response.statusCode() == 200 ? json.readTree(response.body()).at("/counts/decided").asLong() : 0;
  }
}
