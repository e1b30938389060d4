package dev.koers.audit.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lets one thread read (and decode) the log while another checks it: items are handed over in batches through
 * a small bounded queue to a single worker thread, so their order is kept. Any failure in the worker, an
 * {@link Error} included, comes back to the handing thread, on its next item or at {@link #finish()}; and
 * {@link #finish()} returns only when the worker took every item handed over.
 */
public final class PipelinedSink<T> implements Consumer<T>, AutoCloseable {

  private static final int BATCH = 1024;

  private final List<T> end = new ArrayList<>(0);
  private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(8);
  private final Thread worker;
  private List<T> batch = new ArrayList<>(BATCH);
  private volatile Throwable failure;
  /** Items accepted on the handing thread, and items the worker gave to the target. */
  private long accepted;
  private volatile long processed;
  private boolean finished;

  public PipelinedSink(Consumer<T> target) {
    this.worker = new Thread(() -> drain(target), "koers-audit-pass");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void accept(T item) {
    accepted++;
    batch.add(item);
    if (batch.size() == BATCH) {
      handOver(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** Hands over what is left and waits until the worker has processed every item. */
  public void finish() {
    if (!batch.isEmpty()) {
      handOver(batch);
      batch = new ArrayList<>(BATCH);
    }
    handOver(end);
    finished = true;
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the pass to finish", e);
    }
    rethrow();
    if (processed != accepted) {
      throw new IllegalStateException("the pass's worker thread stopped after " + processed + " of " + accepted
          + " records");
    }
  }

  private void handOver(List<T> items) {
    try {
      while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
        rethrow();
        if (!worker.isAlive()) {
          throw new IllegalStateException("the pass's worker thread stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing records over", e);
    }
    rethrow();
  }

  private void drain(Consumer<T> target) {
    long done = 0;
    try {
      for (List<T> items = queue.take(); items != end; items = queue.take()) {
        for (T item : items) {
          target.accept(item);
        }
        done += items.size();
        processed = done;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) { // an Error too: a worker that dies silently would let the pass end as if complete
      failure = e;
    }
  }

  private void rethrow() {
    Throwable e = failure;
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    } else if (e instanceof Error error) {
      throw error;
    } else if (e != null) {
      throw new IllegalStateException("the pass's worker thread failed: " + e, e);
    }
  }

  /** Stops the worker when the read ended early (an exception); a no-op after {@link #finish()}. */
  @Override
  public void close() {
    if (!finished) {
      worker.interrupt();
    }
  }
}
