package dev.koers.domain.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/** Maps keyed by every constant of an enum: the documents always name every perspective, group and class. */
final class EnumMaps {

  private EnumMaps() {}

  /** Every constant present (a missing or null value becomes {@code zero}), so equal contents are equal maps. */
  static <K extends Enum<K>, V> Map<K, V> full(Class<K> type, Map<K, V> given, V zero) {
    EnumMap<K, V> map = new EnumMap<>(type);
    for (K key : type.getEnumConstants()) {
      V value = given == null ? null : given.get(key);
      map.put(key, value == null ? zero : value);
    }
    return Collections.unmodifiableMap(map);
  }

  static <K extends Enum<K>, V> Map<K, V> combine(Class<K> type, Map<K, V> a, Map<K, V> b, BinaryOperator<V> op) {
    EnumMap<K, V> map = new EnumMap<>(type);
    for (K key : type.getEnumConstants()) {
      map.put(key, op.apply(a.get(key), b.get(key)));
    }
    return Collections.unmodifiableMap(map);
  }

  /** Values may render as null (a figure that cannot be computed); the key stays. */
  static <K extends Enum<K>, V, R> Map<K, R> render(Class<K> type, Map<K, V> map, Function<V, R> render) {
    EnumMap<K, R> rendered = new EnumMap<>(type);
    for (K key : type.getEnumConstants()) {
      rendered.put(key, render.apply(map.get(key)));
    }
    return Collections.unmodifiableMap(rendered);
  }

  /** Only the entries given, in enum order; null values are dropped. */
  static <K extends Enum<K>, V> Map<K, V> sparse(Class<K> type, Map<K, V> given) {
    EnumMap<K, V> map = new EnumMap<>(type);
    if (given != null) {
      given.forEach((key, value) -> {
        if (key != null && value != null) {
          map.put(key, value);
        }
      });
    }
    return Collections.unmodifiableMap(map);
  }

  /** Every constant present; a missing value stays null (a figure that cannot be computed is named, as null). */
  static <K extends Enum<K>, V> Map<K, V> everyKey(Class<K> type, Map<K, V> given) {
    EnumMap<K, V> map = new EnumMap<>(type);
    for (K key : type.getEnumConstants()) {
      map.put(key, given == null ? null : given.get(key));
    }
    return Collections.unmodifiableMap(map);
  }
}
