package dev.koers.cli;

import static org.awaitility.Awaitility.await;

import dev.koers.kafka.embedded.BrokerPorts;
import dev.koers.kafka.embedded.BrokerSettings;
import dev.koers.kafka.embedded.EmbeddedKafka;
import dev.koers.wire.KafkaConnection;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * A real broker with a SASL_SSL listener that takes SCRAM-SHA-512 logins, beside the PLAINTEXT listener that
 * only the test itself uses to create the SCRAM user (as an operator would on the controller side).
 */
final class SecuredBroker implements AutoCloseable {

  static final String USER = "koers-service";
  static final String PASSWORD = "correct horse battery staple";

  private final EmbeddedKafka kafka;
  private final String securedServers;
  private final TestKeystores stores;

  private SecuredBroker(EmbeddedKafka kafka, String securedServers, TestKeystores stores) {
    this.kafka = kafka;
    this.securedServers = securedServers;
    this.stores = stores;
  }

  static SecuredBroker start(Path dir) throws Exception {
    TestKeystores stores = TestKeystores.create(dir);
    BrokerPorts ports = BrokerPorts.resolve(BrokerSettings.inDirectory(dir));
    int secured;
    try (ServerSocket socket = new ServerSocket(0)) {
      secured = socket.getLocalPort();
    }
    String host = "127.0.0.1";
    String listener = "listener.name.sasl_ssl.";
    EmbeddedKafka kafka = EmbeddedKafka.start(BrokerSettings.inDirectory(dir.resolve("kafka")).withPorts(ports)
        .withOverrides(Map.of(
            "listeners", "PLAINTEXT://" + host + ":" + ports.broker() + ",CONTROLLER://" + host + ":"
                + ports.controller() + ",SASL_SSL://" + host + ":" + secured,
            "advertised.listeners", "PLAINTEXT://" + host + ":" + ports.broker() + ",SASL_SSL://" + host + ":" + secured,
            "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL",
            "sasl.enabled.mechanisms", "SCRAM-SHA-512",
            listener + "scram-sha-512.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            listener + "ssl.keystore.location", stores.keystore().toString(),
            listener + "ssl.keystore.password", stores.password(),
            listener + "ssl.key.password", stores.password(),
            listener + "ssl.keystore.type", "PKCS12")));
    SecuredBroker broker = new SecuredBroker(kafka, host + ":" + secured, stores);
    try {
      broker.createUser();
    } catch (Exception e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  private void createUser() throws Exception {
    try (Admin admin = KafkaConnection.plain(kafka.bootstrapServers()).admin()) {
      admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD))).all().get();
    }
    // The credential reaches the broker through the metadata log: wait until a login with it works.
    try (Admin admin = connection(PASSWORD).admin()) {
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> admin.describeCluster().clusterId().get() != null);
    }
  }

  /** The SASL_SSL listener, as a client configured with these properties reaches it. */
  KafkaConnection connection(String password) {
    return new KafkaConnection(securedServers, clientProperties(password));
  }

  Map<String, String> clientProperties(String password) {
    return Map.of(
        "security.protocol", "SASL_SSL",
        "sasl.mechanism", "SCRAM-SHA-512",
        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + USER + "\" password=\"" + password + "\";",
        "ssl.truststore.location", stores.truststore().toString(),
        "ssl.truststore.password", stores.password(),
        "ssl.truststore.type", "PKCS12");
  }

  String securedServers() {
    return securedServers;
  }

  @Override
  public void close() {
    kafka.close();
  }
}
