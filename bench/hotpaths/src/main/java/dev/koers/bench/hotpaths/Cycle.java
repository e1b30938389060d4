package dev.koers.bench.hotpaths;

import java.util.List;

/**
 * Hands out a benchmark's inputs one per operation, round and round, so that every operation meets the next
 * record of the realistic mix (and the JIT cannot fold a constant input away).
 */
final class Cycle<T> {

  private final Object[] inputs;
  private int next;

  Cycle(List<T> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a benchmark needs inputs");
    }
    this.inputs = inputs.toArray();
  }

  @SuppressWarnings("unchecked")
  T next() {
    int i = next;
    next = i + 1 == inputs.length ? 0 : i + 1;
    return (T) inputs[i];
  }

  int size() {
    return inputs.length;
  }
}
