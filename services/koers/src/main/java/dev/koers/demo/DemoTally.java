package dev.koers.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the demo's requests came to: accepted, refused unexpectedly (by rule), and deliberately bad ones refused. */
public final class DemoTally {

  private final AtomicLong accepted = new AtomicLong();
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> deliberate = new ConcurrentHashMap<>();

  void accepted() {
    accepted.incrementAndGet();
  }

  void rejected(String rule) {
    rejected.computeIfAbsent(rule, r -> new LongAdder()).increment();
  }

  void refusedAsIntended(String rule) {
    deliberate.computeIfAbsent(rule, r -> new LongAdder()).increment();
  }

  public long acceptedCount() {
    return accepted.get();
  }

  /** Refusals of requests that should have been accepted, and bad requests that were accepted, by rule. */
  public Map<String, Long> rejectedByRule() {
    return snapshot(rejected);
  }

  public Map<String, Long> deliberateByRule() {
    return snapshot(deliberate);
  }

  public long rejectedCount() {
    return rejectedByRule().values().stream().mapToLong(Long::longValue).sum();
  }

  public long deliberateCount() {
    return deliberateByRule().values().stream().mapToLong(Long::longValue).sum();
  }

  public long sent() {
    return acceptedCount() + rejectedCount() + deliberateCount();
  }

  public String progress() {
    return sent() + " sent: " + acceptedCount() + " accepted, " + rejectedCount() + " rejected, "
        + deliberateCount() + " deliberately bad and refused";
  }

  public String summary() {
    return "accepted " + acceptedCount() + "; rejected " + rejectedCount() + " " + rejectedByRule()
        + "; deliberately bad requests refused as intended " + deliberateCount() + " " + deliberateByRule();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((rule, n) -> copy.put(rule, n.sum()));
    return copy;
  }
}
