package dev.koers.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a command running until Ctrl-C or SIGTERM, then closes what it started and says so. */
final class UntilStopped {

  private UntilStopped() {}

  /** Announces the running resource, waits for the signal, and returns 0 once the resource is closed. */
  static int run(AutoCloseable resource, Runnable announce) throws InterruptedException {
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
    stopped.await();
    return 0;
  }
}
