package dev.koers.bench.pipeline;

import java.util.List;
import java.util.Optional;

/** Every scenario of the harness, in the order {@code all} runs them. */
final class Scenarios {

  static final List<Scenario> ALL = List.of(new DrainScenario(), new LatencyScenario(), new MemoryScenario());

  private Scenarios() {}

  static Optional<Scenario> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  static List<String> names() {
    return ALL.stream().map(Scenario::name).toList();
  }
}
