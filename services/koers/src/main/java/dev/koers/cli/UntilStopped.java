package dev.koers.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Keeps a command running until Ctrl-C or SIGTERM, then closes what it started and says so. */
final class UntilStopped {

  private static final long WATCH_INTERVAL_MS = 200;

  private UntilStopped() {}

  /** Announces the running resource, waits for the signal, and returns 0 once the resource is closed. */
  static int run(AutoCloseable resource, Runnable announce) throws InterruptedException {
    return run(resource, announce, () -> false);
  }

  /** As {@link #run(AutoCloseable, Runnable)}, but returns 1 at once when {@code failed} turns true. */
  static int run(AutoCloseable resource, Runnable announce, BooleanSupplier failed) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("koers: stopping");
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("koers: could not stop cleanly: " + e);
      }
      System.out.println("koers: stopped");
      stopped.countDown();
    }, "koers-shutdown"));
    announce.run();
    System.out.println("koers: press Ctrl-C to stop");
    while (!stopped.await(WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS)) {
      if (failed.getAsBoolean()) {
        System.err.println("koers: stopped with an error; see the log above");
        return 1;
      }
    }
    return 0;
  }
}
