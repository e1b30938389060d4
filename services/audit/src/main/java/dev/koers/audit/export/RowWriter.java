package dev.koers.audit.export;

import java.io.IOException;
import java.util.Map;

/** Writes flat rows in one file format. */
public interface RowWriter extends AutoCloseable {

  void write(Map<String, Object> row) throws IOException;

  @Override
  void close() throws IOException;
}
