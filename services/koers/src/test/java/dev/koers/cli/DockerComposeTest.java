package dev.koers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.testkit.KafkaVersion;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The facts of docker-compose.yml and the Dockerfile that a deployment rests on (CI also validates the file with
 * 'docker-compose config -q'). Anchors and merge keys are resolved as docker-compose resolves them.
 */
class DockerComposeTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  private static Map<String, Object> compose;
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(reader);
    }
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void threeKraftBrokersInCombinedModeOnTheBuildsKafkaVersionWithOneClusterId() {
    Map<String, Map<String, Object>> brokers = brokers();
    assertThat(brokers).hasSize(3);
    Set<String> clusterIds = new HashSet<>();
    Set<String> nodeIds = new HashSet<>();
    Set<Object> hostPorts = new HashSet<>();
    for (Map.Entry<String, Map<String, Object>> broker : brokers.entrySet()) {
      assertThat(broker.getValue().get("image")).isEqualTo("apache/kafka:" + KafkaVersion.ofClients());
      Map<String, String> env = environment(broker.getValue());
      assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
          .containsEntry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
          .containsKeys("KAFKA_LISTENERS", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_INTER_BROKER_LISTENER_NAME");
      String nodeId = env.get("KAFKA_NODE_ID");
      nodeIds.add(nodeId);
      clusterIds.add(env.get("CLUSTER_ID"));
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))
          .as("every broker is a voter").contains(nodeId + "@" + broker.getKey() + ":9093").hasSize(3);
      // One listener for the compose network (its own name) and one for the host (a published port).
      assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("//" + broker.getKey() + ":", "//localhost:");
      hostPorts.addAll((List<?>) broker.getValue().get("ports"));
    }
    assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(clusterIds).singleElement().asString().isNotBlank();
    assertThat(hostPorts).hasSize(3);
  }

  @Test
  void internalTopicsHaveThreeReplicasAndTwoInSyncForExactlyOnce() {
    for (Map<String, Object> broker : brokers().values()) {
      assertThat(environment(broker))
          .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }
    // Koers' own topics and its Streams changelogs: three replicas too (min ISR 2 from 'koers topics create').
    for (String koers : List.of("topics", "ledger-1", "ledger-2", "api-1", "api-2")) {
      assertThat(environment(services.get(koers))).containsEntry("KOERS_REPLICATION_FACTOR", "3");
    }
  }

  @Test
  void aOneShotProvisionsTheTopicsBeforeTwoLedgersAndTwoApisStart() {
    Map<String, Object> topics = services.get("topics");
    assertThat(command(topics)).startsWith("topics", "create");
    assertThat(dependencies(topics)).containsOnlyKeys(brokers().keySet())
        .allSatisfy((name, condition) -> assertThat(condition).isEqualTo("service_healthy"));

    assertThat(servicesRunning("ledger")).containsExactlyInAnyOrder("ledger-1", "ledger-2");
    assertThat(servicesRunning("api")).containsExactlyInAnyOrder("api-1", "api-2");
    for (String service : List.of("ledger-1", "ledger-2", "api-1", "api-2")) {
      Map<String, String> dependencies = dependencies(services.get(service));
      assertThat(dependencies).containsEntry("topics", "service_completed_successfully");
      brokers().keySet().forEach(broker -> assertThat(dependencies).containsEntry(broker, "service_healthy"));
    }
    assertThat(List.of(services.get("api-1").get("ports"), services.get("api-2").get("ports")))
        .as("each API instance on its own documented host port").doesNotHaveDuplicates();
  }

  @Test
  void everyLongRunningServiceHasAHealthcheck() {
    services.forEach((name, service) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
      assertThat(healthcheck).as(name + " has a healthcheck").isNotNull();
      if (name.equals("topics")) {
        assertThat(healthcheck).as("the one-shot is judged by its exit code").containsEntry("disable", true);
        return;
      }
      String test = String.valueOf(healthcheck.get("test"));
      if (brokers().containsKey(name)) {
        assertThat(test).contains("/opt/kafka/bin/kafka-broker-api-versions.sh");
      } else if (name.startsWith("api")) {
        assertThat(test).contains("/ready");
      } else {
        assertThat(test).contains("/tmp/koers.ready");
        assertThat(command(service)).containsSequence("--ready-file", "/tmp/koers.ready");
      }
    });
  }

  @Test
  void everyImageIsPinnedAndTheFileHasNoTopLevelName() {
    assertThat(compose).doesNotContainKey("name");
    services.values().forEach(service -> assertThat(String.valueOf(service.get("image")))
        .matches("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*"));
  }

  @Test
  void theDockerfileBuildsWithMavenAndRunsOnAJreAsANonRootUser() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
    List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).startsWith("FROM maven:").endsWith(" AS build");
    assertThat(froms.get(1)).startsWith("FROM eclipse-temurin:").contains("-jre");
    froms.forEach(from -> assertThat(from).doesNotContain(":latest").matches("FROM [^ ]+:[0-9][^ ]*( AS build)?"));
    assertThat(lines).anyMatch(l -> l.startsWith("RUN mvn ") && l.contains("package"));
    assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build "));
    String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    assertThat(user).isNotIn("USER root", "USER 0");
  }

  private static Map<String, Map<String, Object>> brokers() {
    return services.entrySet().stream()
        .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("apache/kafka"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Set<String> servicesRunning(String subcommand) {
    return services.entrySet().stream()
        .filter(e -> e.getValue().get("command") != null && command(e.getValue()).get(0).equals(subcommand))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static List<String> command(Map<String, Object> service) {
    return (List<String>) service.get("command");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    return ((Map<String, Object>) service.get("environment")).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> dependencies(Map<String, Object> service) {
    return ((Map<String, Map<String, Object>>) service.get("depends_on")).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue().get("condition"))));
  }
}
