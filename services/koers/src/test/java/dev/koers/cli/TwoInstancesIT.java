package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances of one installation: any query gets the same answer from either, whoever owns the key. */
@KafkaIntegrationTest
class TwoInstancesIT {

  private static final int DECISIONS = 12;

  @Test
  void everyQueryGivesTheSameAnswerFromEitherInstance(KafkaTestEnv kafka, @TempDir Path a, @TempDir Path b)
      throws Exception {
    String prefix = kafka.uniqueName("pair") + ".";
    try (TestNode first = TestNode.start(kafka, a, Duration.ofSeconds(20), prefix);
         TestNode second = TestNode.start(kafka, b, Duration.ofSeconds(20), prefix)) {
      Http viaFirst = first.manager("m-anna");
      Http viaSecond = second.manager("m-anna");
      for (int i = 0; i < DECISIONS; i++) {
        HttpResponse<String> created = viaFirst.post("/api/v1/decisions", "{\"decisionId\":\"pair-" + i
            + "\",\"title\":\"Decision " + i + "\",\"unit\":\"u-" + (i % 3) + "\",\"managerId\":\"m-anna\","
            + "\"activityGroup\":\"CONTENT\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      }

      Set<String> answeredBy = new HashSet<>();
      for (int i = 0; i < DECISIONS; i++) {
        String path = "/api/v1/decisions/pair-" + i;
        await().atMost(Duration.ofSeconds(60)).until(() -> viaFirst.get(path).statusCode() == 200
            && viaSecond.get(path).statusCode() == 200);
        HttpResponse<String> one = viaFirst.get(path);
        HttpResponse<String> other = viaSecond.get(path);
        assertThat(other.body()).isEqualTo(one.body());
        one.headers().firstValue("X-Koers-Instance").ifPresent(answeredBy::add);
        assertThat(viaSecond.get(path + "/events").body()).isEqualTo(viaFirst.get(path + "/events").body());
      }
      // Both instances own some keys, so some answers above were forwarded.
      assertThat(answeredBy).hasSize(2);

      String list = "/api/v1/decisions?unit=u-1&limit=100";
      HttpResponse<String> listed = viaFirst.get(list);
      assertThat(listed.body()).contains("pair-1", "pair-4", "pair-7", "pair-10").doesNotContain("pair-2\"");
      assertThat(viaSecond.get(list).body()).isEqualTo(listed.body());
      Set<String> metricsBy = new HashSet<>();
      for (String unit : new String[] {"u-0", "u-1", "u-2"}) {
        String metrics = "/api/v1/units/" + unit + "/metrics";
        await().atMost(Duration.ofSeconds(30)).until(() -> viaFirst.get(metrics).body().contains("\"opened\":4")
            && viaSecond.get(metrics).body().contains("\"opened\":4"));
        assertThat(viaSecond.get(metrics).body()).isEqualTo(viaFirst.get(metrics).body());
        assertThat(viaSecond.get(metrics + "/weekly").body()).isEqualTo(viaFirst.get(metrics + "/weekly").body());
        viaFirst.get(metrics).headers().firstValue("X-Koers-Instance").ifPresent(metricsBy::add);
      }
      String manager = "/api/v1/managers/m-anna/metrics";
      assertThat(viaSecond.get(manager).body()).isEqualTo(viaFirst.get(manager).body()).contains("\"opened\":12");

      // Read your own writes across instances: written via one, read via the other, owner or relay alike.
      Set<String> freshBy = new HashSet<>();
      for (int i = 0; i < DECISIONS; i++) {
        String path = "/api/v1/decisions/pair-" + i;
        HttpResponse<String> withdrawn = viaFirst.post(path + "/withdrawal", "{\"reason\":\"done\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
        assertThat(withdrawn.body()).contains("\"sequence\":2");
        HttpResponse<String> fresh = viaSecond.get(path + "?minSequence=2");
        assertThat(fresh.body()).contains("\"status\":\"WITHDRAWN\"", "\"sequence\":2");
        fresh.headers().firstValue("X-Koers-Instance").ifPresent(freshBy::add);
        assertThat(viaFirst.get(path + "/events", "X-Koers-Min-Sequence", "2").body())
            .contains("\"status\":\"WITHDRAWN\"");
      }
      assertThat(freshBy).hasSize(2);
      assertThat(viaFirst.get("/api/v1/decisions/pair-none").statusCode()).isEqualTo(404);
      assertThat(viaSecond.get("/api/v1/decisions/pair-none").statusCode()).isEqualTo(404);

      // Only the instances mark a relayed query: a client that marks its own is refused by either instance,
      // for a key it owns, a key the other owns, and a list it would otherwise gather.
      for (Http via : List.of(viaFirst, viaSecond)) {
        for (String path : List.of("/api/v1/decisions/pair-0", "/api/v1/decisions/pair-1", list)) {
          HttpResponse<String> marked = via.get(path, "X-Koers-Forwarded", "1");
          assertThat(marked.statusCode()).as(path + ": " + marked.body()).isEqualTo(400);
          assertThat(marked.body()).contains("X-Koers-Forwarded");
        }
      }
    }
  }
}
