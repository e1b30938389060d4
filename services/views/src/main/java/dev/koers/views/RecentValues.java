package dev.koers.views;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values a processor wrote most recently, kept as objects in front of its store: an aggregate changed many
 * times a second (a unit's all-time figures) is then not read back from the store's bytes every time, which was
 * the largest single cost of the views' fold (docs/benchmarks.md, "Optimisation pass"). Holds immutable values
 * only, written through to the store, and is emptied when its processor is (re)initialised: Kafka Streams
 * re-initialises a task's processors after an aborted transaction restores its stores, so nothing stale is
 * ever served.
 */
final class RecentValues<V> {

  private final Map<String, V> values;

  RecentValues(int capacity) {
    this.values = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The value last written for {@code key}, else what {@code store} holds (kept when it holds one). */
  V get(String key, Function<String, V> store) {
    V value = values.get(key);
    if (value == null) {
      value = store.apply(key);
      if (value != null) {
        values.put(key, value);
      }
    }
    return value;
  }

  void put(String key, V value) {
    values.put(key, value);
  }

  void remove(String key) {
    values.remove(key);
  }

  void clear() {
    values.clear();
  }

  int size() {
    return values.size();
  }
}
