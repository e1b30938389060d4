package dev.koers.bench.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends at a constant rate whatever the answers do (open loop): the i-th send is due at start + i / rate, and is
 * handed its due moment, from which every latency is measured. A sender that falls behind (a pause of this JVM,
 * a slow call) sends the late ones at once, and their latency includes the wait: no coordinated omission.
 */
final class OpenLoop {

  /** Starts one send; must not block. */
  @FunctionalInterface
  interface Send {
    void send(int index, long dueNanos);
  }

  private OpenLoop() {}

  /** Sends {@code count} at {@code rate} a second from {@code startNanos}; returns when the last one was started. */
  static void run(long startNanos, int count, int rate, Send send) {
    long start = startNanos;
    double interval = 1e9 / rate;
    for (int i = 0; i < count; i++) {
      long due = start + (long) (i * interval);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      send.send(i, due);
    }
  }
}
