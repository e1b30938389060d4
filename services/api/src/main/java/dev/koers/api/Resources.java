package dev.koers.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads files shipped in the jar. */
final class Resources {

  private Resources() {}

  static byte[] bytes(String path) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
