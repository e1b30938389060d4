package dev.koers.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The settings of a topic that Koers' promises rest on, so a service refuses a topic that differs: the cleanup
 * policy of every topic (a compacted log loses history, a deleted view loses keys), and for a topic kept forever
 * (the log, the dead letters) its unlimited retention, which auditors rely on. Other settings are the operator's.
 */
public final class TopicRequirements {

  private static final String FOREVER = "-1";

  private TopicRequirements() {}

  /** The settings an existing topic must have, with their values; {@code delete} when a topic names no policy. */
  public static Map<String, String> of(Topic<?, ?> topic) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put(TopicConfig.CLEANUP_POLICY_CONFIG,
        topic.configs().getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    if (FOREVER.equals(topic.configs().get(TopicConfig.RETENTION_MS_CONFIG))) {
      required.put(TopicConfig.RETENTION_MS_CONFIG, FOREVER);
      required.put(TopicConfig.RETENTION_BYTES_CONFIG, FOREVER);
    }
    return required;
  }

  /** The first required setting the actual configs differ in, as "name=actual (Koers needs value)", or null. */
  public static String difference(Topic<?, ?> topic, Map<String, String> actual) {
    for (Map.Entry<String, String> required : of(topic).entrySet()) {
      String value = actual.get(required.getKey());
      if (!required.getValue().equals(value)) {
        return required.getKey() + "=" + value + " (Koers needs " + required.getValue() + ")";
      }
    }
    return null;
  }
}
