package dev.koers.bench.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One client's latencies, from each submission's due moment (never from when it was actually sent), in
 * HdrHistogram, microseconds: submission to outcome, to visible in a query, to seen on the stream. Sends due
 * before the end of the warm-up are not recorded. Counts what went wrong, by name.
 */
final class LatencyRecorder {

  static final String OUTCOME = "outcome";
  static final String VISIBLE = "visible";
  static final String STREAM = "stream";

  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private final long measureFromNanos;
  private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> problems = new ConcurrentHashMap<>();

  LatencyRecorder(long measureFromNanos) {
    this.measureFromNanos = measureFromNanos;
  }

  boolean measured(long dueNanos) {
    return dueNanos >= measureFromNanos;
  }

  void record(String what, long dueNanos, long atNanos) {
    if (measured(dueNanos)) {
      recorders.computeIfAbsent(what, w -> new Recorder(HIGHEST_MICROS, 3))
          .recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (atNanos - dueNanos) / 1000)));
    }
  }

  void problem(String what, long dueNanos) {
    if (measured(dueNanos)) {
      problems.computeIfAbsent(what, w -> new AtomicLong()).incrementAndGet();
    }
  }

  Histogram histogram(String what) {
    Recorder recorder = recorders.get(what);
    return recorder == null ? new Histogram(HIGHEST_MICROS, 3) : recorder.getIntervalHistogram();
  }

  Map<String, AtomicLong> problems() {
    return problems;
  }
}
