package dev.koers.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.koers.api.StreamLimits;
import dev.koers.api.auth.Principal;
import dev.koers.api.auth.TokenMinter;
import dev.koers.api.auth.TokenSettings;
import dev.koers.domain.metrics.Anonymity;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.testkit.KafkaTestEnv;
import dev.koers.testkit.TopicSnapshot;
import dev.koers.wire.proof.SubmissionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;

/** A Koers node on the test broker with its own topics, plus tokens for it and a look at its log. */
final class TestNode implements AutoCloseable {

  private static final byte[] KEY = "a-test-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);
  /** Shared by every node of the tests, so nodes started with one prefix prove to each other's ledger. */
  static final SubmissionKey SUBMISSION_KEY = new SubmissionKey(
      "a-test-submission-key-of-32-bytes".getBytes(StandardCharsets.UTF_8));

  private final KafkaTestEnv kafka;
  private final KoersNode node;
  private final TokenMinter minter = new TokenMinter(KEY);

  private TestNode(KafkaTestEnv kafka, KoersNode node) {
    this.kafka = kafka;
    this.node = node;
  }

  static TestNode start(KafkaTestEnv kafka, Path stateDir, Duration outcomeTimeout) throws InterruptedException {
    return start(kafka, stateDir, outcomeTimeout, kafka.uniqueName("node") + ".");
  }

  /** Nodes started with the same prefix form one installation: they share topics and application ids. */
  static TestNode start(KafkaTestEnv kafka, Path stateDir, Duration outcomeTimeout, String prefix)
      throws InterruptedException {
    KoersNode node = KoersNode.start(new NodeSettings(kafka.bootstrapServers(), prefix, 3,
        (short) 1, stateDir, "127.0.0.1", 0, outcomeTimeout, Duration.ofMinutes(2), TokenSettings.local(KEY),
        SUBMISSION_KEY),
        line -> { });
    return new TestNode(kafka, node);
  }

  /** A node whose event stream has the given limits. */
  static TestNode withStreams(KafkaTestEnv kafka, Path stateDir, StreamLimits streams) throws InterruptedException {
    KoersNode node = KoersNode.start(new NodeSettings(kafka.bootstrapServers(), kafka.uniqueName("node") + ".", 3,
        (short) 1, stateDir, "127.0.0.1", 0, Duration.ofSeconds(20), Duration.ofMinutes(2), TokenSettings.local(KEY),
        "127.0.0.1", EnumSet.allOf(NodePart.class), Anonymity.DEFAULT, streams, SUBMISSION_KEY), line -> { });
    return new TestNode(kafka, node);
  }

  /** The token settings of every test node, for a server a test builds by hand. */
  static TokenSettings tokenSettings() {
    return TokenSettings.local(KEY);
  }

  KoersNode node() {
    return node;
  }

  Http as(Principal principal) {
    return new Http(node.url(), token(principal));
  }

  TokenMinter minter() {
    return minter;
  }

  String token(Principal principal) {
    return token(principal, Duration.ofHours(1));
  }

  String token(Principal principal, Duration lifetime) {
    return minter.mint(principal, lifetime, Instant.now());
  }

  /** A token signed with this node's key, claims as given: for forgeries the signature cannot catch. */
  String signed(JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(KEY));
    return jwt.serialize();
  }

  Http admin() {
    return as(new Principal("it-admin", Role.ADMIN, null, null));
  }

  Http viewer() {
    return as(new Principal("it-viewer", Role.VIEWER, null, null));
  }

  Http auditor() {
    return as(new Principal("it-auditor", Role.AUDITOR, null, null));
  }

  Http manager(String managerId) {
    return as(new Principal(managerId, Role.MANAGER, managerId, null));
  }

  /** A stakeholder's token is bound to one respondent and one perspective. */
  Http stakeholder(String respondentId, String perspective) {
    return as(Principal.stakeholder(respondentId, Perspective.valueOf(perspective)));
  }

  List<ConsumerRecord<String, DecisionEvent>> events() {
    return TopicSnapshot.read(kafka, node.topics().events().name(), Serdes.String().deserializer(),
        node.topics().events().valueSerde().deserializer());
  }

  List<DecisionEvent> eventsOf(String decisionId) {
    return events().stream().filter(r -> decisionId.equals(r.key())).map(ConsumerRecord::value).toList();
  }

  @Override
  public void close() {
    node.close();
  }
}
