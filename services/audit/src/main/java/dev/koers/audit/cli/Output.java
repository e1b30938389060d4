package dev.koers.audit.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a document goes: a file (UTF-8) when {@code --out} names one, else the command's standard output. */
final class Output {

  private Output() {}

  static Writer open(Path file, PrintWriter stdout) throws IOException {
    if (file == null) {
      return new NonClosing(stdout);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
  }

  /** Standard output must stay open for what the command prints after the document. */
  private static final class NonClosing extends FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
