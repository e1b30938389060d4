package dev.koers.wire;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Kafka client properties an operator passes through to every Koers client: from a properties file
 * (as Kafka's own tools take with --command-config) and from {@code KOERS_KAFKA_*} environment variables, which
 * win. Names are spelled as the {@code apache/kafka} image spells broker settings: after the prefix, {@code _}
 * is a dot, {@code __} an underscore and {@code ___} a dash ({@code KOERS_KAFKA_SASL_JAAS_CONFIG} is
 * {@code sasl.jaas.config}).
 */
public final class KafkaClientProperties {

  public static final String ENV_PREFIX = "KOERS_KAFKA_";

  private KafkaClientProperties() {}

  /**
   * @param file a properties file, or null for none
   * @param env the environment
   * @param koersOptions environment names that are Koers' own options (such as KOERS_KAFKA_PORT), not passed on
   */
  public static Map<String, String> load(Path file, Map<String, String> env, Set<String> koersOptions) {
    Map<String, String> properties = new HashMap<>(file == null ? Map.of() : fromFile(file));
    properties.putAll(fromEnvironment(env, koersOptions));
    return properties;
  }

  static Map<String, String> fromEnvironment(Map<String, String> env, Set<String> koersOptions) {
    Map<String, String> properties = new HashMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !koersOptions.contains(name)) {
        properties.put(propertyName(name.substring(ENV_PREFIX.length())), value);
      }
    });
    return properties;
  }

  /** {@code SASL_JAAS_CONFIG} is {@code sasl.jaas.config}; {@code __} is {@code _}, {@code ___} is {@code -}. */
  static String propertyName(String envSuffix) {
    StringBuilder name = new StringBuilder();
    String lower = envSuffix.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      int run = 0;
      while (i + run < lower.length() && lower.charAt(i + run) == '_') {
        run++;
      }
      if (run == 0) {
        name.append(lower.charAt(i++));
      } else {
        name.append(run == 1 ? "." : run == 2 ? "_" : "-");
        i += Math.min(run, 3);
      }
    }
    return name.toString();
  }

  static Map<String, String> fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Kafka client properties file " + file + " does not exist");
    }
    java.util.Properties loaded = new java.util.Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      loaded.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Kafka client properties file " + file, e);
    }
    Map<String, String> properties = new HashMap<>();
    loaded.stringPropertyNames().forEach(key -> properties.put(key, loaded.getProperty(key).strip()));
    return properties;
  }
}
