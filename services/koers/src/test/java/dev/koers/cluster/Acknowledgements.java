package dev.koers.cluster;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every first answer the load's clients got, from all their threads; counted as they arrive. */
public final class Acknowledgements {

  private final ConcurrentLinkedQueue<Acknowledgement> all = new ConcurrentLinkedQueue<>();
  private final AtomicLong count = new AtomicLong();

  public void add(Acknowledgement acknowledgement) {
    all.add(acknowledgement);
    count.incrementAndGet();
  }

  public long count() {
    return count.get();
  }

  public List<Acknowledgement> all() {
    return List.copyOf(all);
  }

  /** The accepted submissions acknowledged in [from, to): e.g. while a broker was down. */
  public List<Acknowledgement> acceptedBetween(Instant from, Instant to) {
    return all.stream().filter(Acknowledgement::accepted)
        .filter(a -> !a.at().isBefore(from) && a.at().isBefore(to)).toList();
  }
}
