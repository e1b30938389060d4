package dev.koers.audit.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a document goes: a file (UTF-8) when {@code --out} names one, else the command's standard output. A file
 * is written in full or not at all: it is written beside its place and moved there by {@link #commit()}, so a run
 * that ends without a verdict (exit codes 3 and 4) leaves no partial file that looks like a result (and an older
 * file of that name as it was).
 */
final class Output implements Closeable {

  private final Writer writer;
  private final Path file;
  private final Path partial;
  private boolean committed;

  private Output(Writer writer, Path file, Path partial) {
    this.writer = writer;
    this.file = file;
    this.partial = partial;
  }

  static Output open(Path file, PrintWriter stdout) throws IOException {
    if (file == null) {
      return new Output(new NonClosing(stdout), null, null);
    }
    Path target = file.toAbsolutePath();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempFile(parent, "." + target.getFileName(), ".partial");
    return new Output(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), target, partial);
  }

  Writer writer() {
    return writer;
  }

  /** The document is complete: flush it, and put the file in its place. */
  void commit() throws IOException {
    writer.close();
    if (file != null) {
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    committed = true;
  }

  /** Without {@link #commit()}, the partial file is removed. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    try {
      writer.close();
    } finally {
      if (partial != null) {
        Files.deleteIfExists(partial);
      }
    }
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
