package dev.koers.audit.progress;

/** Told how far a pass has come; shows it or not. */
public interface Progress extends AutoCloseable {

  /** Shows nothing: for pipes, files and {@code --quiet}. */
  Progress NONE = new Progress() {
    @Override
    public void start(long totalOffsets) {}

    @Override
    public void update(long records, long offsetsCovered) {}

    @Override
    public void close() {}
  };

  /** The pass begins; it will cover this many offsets. */
  void start(long totalOffsets);

  /** Records read so far, and offsets covered so far (records plus transaction markers). */
  void update(long records, long offsetsCovered);

  /** The pass has ended. */
  @Override
  void close();
}
