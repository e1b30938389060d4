package dev.koers.wire;

import java.util.Map;

/**
 * Avro settings that must be in place before any Avro class loads: the packages whose generated classes may
 * be instantiated (Avro 1.12.2 refuses others), and length limits, so that a record of a few bytes that
 * declares a string billions long is refused instead of allocated. A value given with -D wins.
 */
public final class AvroDefaults {

  private static final Map<String, String> DEFAULTS = Map.of(
      "org.apache.avro.SERIALIZABLE_PACKAGES", "dev.koers",
      "org.apache.avro.limits.string.maxLength", "1048576",
      "org.apache.avro.limits.bytes.maxLength", "16777216",
      "org.apache.avro.limits.collectionItems.maxLength", "10000000");

  private AvroDefaults() {}

  public static void apply() {
    DEFAULTS.forEach((name, value) -> {
      if (System.getProperty(name) == null) {
        System.setProperty(name, value);
      }
    });
  }
}
