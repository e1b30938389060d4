package dev.koers.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentValuesTest {

  private final Map<String, String> store = new HashMap<>(Map.of("a", "A", "b", "B", "c", "C"));
  private final RecentValues<String> recent = new RecentValues<>(2);

  @Test
  void keepsTheLeastRecentlyUsedOutBeyondItsCapacity() {
    recent.get("a", store::get);
    recent.get("b", store::get);
    recent.get("a", store::get); // a is now the most recent
    recent.get("c", store::get); // evicts b
    store.put("a", "stale");
    store.put("b", "B2");

    assertThat(recent.size()).isEqualTo(2);
    assertThat(recent.get("a", store::get)).isEqualTo("A");
    assertThat(recent.get("b", store::get)).isEqualTo("B2");
  }

  @Test
  void keepsNothingForAKeyTheStoreDoesNotHold() {
    assertThat(recent.get("x", store::get)).isNull();
    assertThat(recent.size()).isZero();
  }

  @Test
  void writesRemovesAndClearsAreWhatItServesNext() {
    recent.put("a", "A1");
    assertThat(recent.get("a", store::get)).isEqualTo("A1");
    recent.remove("a");
    assertThat(recent.get("a", store::get)).isEqualTo("A");
    recent.clear();
    store.put("a", "A3");
    assertThat(recent.get("a", store::get)).isEqualTo("A3");
  }
}
