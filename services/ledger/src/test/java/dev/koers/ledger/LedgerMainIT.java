package dev.koers.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.client.KoersClient;
import dev.koers.schema.Accepted;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.Role;
import dev.koers.schema.Submission;
import dev.koers.schema.command.OpenDecision;
import dev.koers.testkit.KafkaIntegrationTest;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.wire.KoersTopics;
import dev.koers.wire.Topic;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link LedgerMain} as its own process: started from the test's classpath, stopped by SIGTERM. */
@KafkaIntegrationTest
class LedgerMainIT {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerMainIT.class);

  @TempDir
  Path dir;

  @Test
  void runsAloneFromTheTestClasspathAndStopsCleanlyOnSigterm(KafkaTestEnv env) throws Exception {
    String prefix = env.uniqueName("ledger-main") + ".";
    LedgerOptions options = new LedgerOptions(env.bootstrapServers(), dir.resolve("state"), prefix, 2,
        (short) -1, Duration.ofMinutes(2), 100);
    String classpath = classpathAsFailsafeGivesIt();

    try (LedgerProcess ledger = LedgerProcess.start(classpath, options,
        Path.of("target", "ledger-it", prefix + "ledger.out"))) {
      ledger.awaitRunning(Duration.ofSeconds(60));

      KoersTopics topics = options.topics();
      assertThat(env.admin().listTopics().names().get())
          .as("LedgerMain provisions the topics")
          .containsAll(topics.all().stream().map(Topic::name).toList());
      try (KoersClient client = new KoersClient(env.bootstrapServers(), topics, "ledger-main-it",
          Duration.ofSeconds(30))) {
        assertThat(client.submitAndWait(opening("d-1")).getResult()).isInstanceOf(Accepted.class);
      }

      assertThat(ledger.terminate()).isEqualTo(LedgerProcess.SIGTERM_EXIT);
      assertThat(ledger.lines()).anyMatch(line -> line.startsWith(LedgerMain.STOPPED_LINE));
      assertThat(env.admin().describeConsumerGroups(List.of(options.applicationId())).all().get()
          .get(options.applicationId()).members())
          .as("a stopped ledger leaves its group, so a successor need not wait for its session to expire")
          .isEmpty();
    }
  }

  /**
   * Failsafe may start the test JVM from a manifest-only jar: {@code java.class.path} is then that jar, and
   * {@code java -cp} on it works because java honours the manifest's Class-Path. Use that jar when there is
   * one, so this test proves it.
   */
  private static String classpathAsFailsafeGivesIt() throws Exception {
    String classpath = System.getProperty("java.class.path");
    String real = System.getProperty("surefire.real.class.path");
    LOG.info("java.class.path has {} entries; surefire.real.class.path = {}",
        classpath.split(File.pathSeparator).length, real);
    String candidate = real != null ? real : classpath;
    if (!candidate.contains(File.pathSeparator) && candidate.endsWith(".jar")
        && Files.exists(Path.of(candidate))) {
      try (JarFile jar = new JarFile(candidate)) {
        String manifestClasspath = jar.getManifest().getMainAttributes().getValue("Class-Path");
        assertThat(manifestClasspath).as("a manifest-only jar lists the classpath").isNotBlank();
        LOG.info("Launching the ledger from the manifest-only jar {} ({} Class-Path entries)", candidate,
            manifestClasspath.split(" ").length);
      }
      return candidate;
    }
    LOG.info("No manifest-only jar here; launching the ledger with the plain classpath");
    return classpath;
  }

  private static Submission opening(String decisionId) {
    Instant at = Instant.now().minusSeconds(60);
    return new Submission("s-" + decisionId, decisionId, Instant.now(), at, new Actor("m-1", Role.MANAGER), null,
        new OpenDecision("Weekly customer conversation", null, "unit-1", "m-1", ActivityGroup.INTERACTION, null,
            null));
  }
}
