package dev.koers.ledger;

import dev.koers.wire.KoersTopics;
import dev.koers.wire.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link LedgerMain} runs the ledger. Each option comes from a flag ({@code --state-dir DIR} or
 * {@code --state-dir=DIR}), else from the environment ({@code KOERS_STATE_DIR}), else from its default.
 *
 * @param bootstrapServers the Kafka cluster; required
 * @param stateDir where Kafka Streams keeps the ledger's stores; a restart with the same directory reuses them
 * @param topicPrefix put before every topic name and before the application id {@code koers-ledger}
 * @param partitions partitions of each Koers topic, when the ledger has to create it
 * @param replicationFactor replication of Koers and internal topics; -1 takes the broker's default
 * @param clockSkew how far past the ledger's clock an {@code occurredAt} may lie
 * @param commitIntervalMs how often the ledger commits its transaction
 */
public record LedgerOptions(String bootstrapServers, Path stateDir, String topicPrefix, int partitions,
                            short replicationFactor, Duration clockSkew, long commitIntervalMs) {

  public static final String USAGE = String.join("\n",
      "Usage: java -cp <classpath> dev.koers.ledger.LedgerMain --bootstrap-servers HOST:PORT[,...] [options]",
      "Runs the ledger alone. Each option may also come from KOERS_<OPTION> (e.g. KOERS_STATE_DIR).",
      "  --bootstrap-servers  the Kafka cluster (required)",
      "  --state-dir          local state of the ledger's stores (default: data/streams)",
      "  --topic-prefix       prefix of every Koers topic and of the application id (default: none)",
      "  --partitions         partitions of each Koers topic when created (default: 3)",
      "  --replication-factor replication of Koers and internal topics, -1 = broker default (default: 3)",
      "  --clock-skew         how far in the future occurredAt may lie, ISO-8601 (default: PT2M)",
      "  --commit-interval-ms how often the ledger commits its transaction (default: 100)",
      "  --help               this text");

  private static final List<String> NAMES = List.of("bootstrap-servers", "state-dir", "topic-prefix",
      "partitions", "replication-factor", "clock-skew", "commit-interval-ms");

  public LedgerOptions {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("--bootstrap-servers (or KOERS_BOOTSTRAP_SERVERS) is required");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be 1 or more, not " + partitions);
    }
    if (replicationFactor < 1 && replicationFactor != -1) {
      throw new IllegalArgumentException("--replication-factor must be 1 or more, or -1, not " + replicationFactor);
    }
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("--clock-skew must not be negative: " + clockSkew);
    }
    if (commitIntervalMs < 1) {
      throw new IllegalArgumentException("--commit-interval-ms must be 1 or more, not " + commitIntervalMs);
    }
  }

  /** True when the arguments ask for the usage text. */
  public static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /**
   * @param args flags as {@code --name value} or {@code --name=value}
   * @param env the environment, read as {@code KOERS_<NAME>}
   * @throws IllegalArgumentException naming the flag that is unknown, missing its value or malformed
   */
  public static LedgerOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> flags = flags(args);
    Map<String, String> values = new HashMap<>();
    for (String name : NAMES) {
      String value = flags.containsKey(name) ? flags.get(name) : env.get(envName(name));
      if (value != null) {
        values.put(name, value);
      }
    }
    return new LedgerOptions(
        values.get("bootstrap-servers"),
        Path.of(values.getOrDefault("state-dir", "data/streams")),
        values.getOrDefault("topic-prefix", ""),
        integer(values, "partitions", "3"),
        (short) integer(values, "replication-factor", "3"),
        duration(values, "clock-skew", "PT2M"),
        integer(values, "commit-interval-ms", "100"));
  }

  /** The environment variable that stands for a flag: {@code state-dir} is {@code KOERS_STATE_DIR}. */
  static String envName(String flag) {
    return "KOERS_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public String applicationId() {
    return topicPrefix + Ledger.APPLICATION_ID;
  }

  public KoersTopics topics() {
    return new KoersTopics(topicPrefix, partitions);
  }

  public StreamsSettings streamsSettings() {
    return new StreamsSettings(bootstrapServers, applicationId(), stateDir, replicationFactor, commitIntervalMs,
        null);
  }

  /** The arguments that give these options to {@link LedgerMain}, in the order of {@link #USAGE}. */
  public List<String> toArgs() {
    return List.of("--bootstrap-servers", bootstrapServers, "--state-dir", stateDir.toString(),
        "--topic-prefix=" + topicPrefix, "--partitions", String.valueOf(partitions),
        "--replication-factor", String.valueOf(replicationFactor), "--clock-skew", clockSkew.toString(),
        "--commit-interval-ms", String.valueOf(commitIntervalMs));
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      String name = arg.substring(2, equals < 0 ? arg.length() : equals);
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      if (equals >= 0) {
        flags.put(name, arg.substring(equals + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        flags.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
    return flags;
  }

  private static int integer(Map<String, String> values, String name, String fallback) {
    String value = values.getOrDefault(name, fallback);
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'", e);
    }
  }

  private static Duration duration(Map<String, String> values, String name, String fallback) {
    String value = values.getOrDefault(name, fallback);
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--" + name + " must be an ISO-8601 duration such as PT2M, not '"
          + value + "'", e);
    }
  }
}
