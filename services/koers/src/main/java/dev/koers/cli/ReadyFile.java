package dev.koers.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file that exists while a service runs, for a container healthcheck of a service without HTTP
 * ('koers ledger --ready-file', docker-compose.yml). Nothing is written when no path is given.
 */
final class ReadyFile implements AutoCloseable {

  private final Path path;

  ReadyFile(Path path) {
    this.path = path;
  }

  void markReady(String line) {
    if (path == null) {
      return;
    }
    try {
      Files.writeString(path, line + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ready file " + path, e);
    }
  }

  @Override
  public void close() {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the ready file " + path, e);
    }
  }
}
