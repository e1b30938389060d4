package dev.koers.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes what was started, newest first, even when one of them fails to close. */
final class Lifecycle implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  <T extends AutoCloseable> T add(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable resource = started.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Could not close {} cleanly: {}", resource.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
