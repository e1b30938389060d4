package dev.koers.wire.proof;

import dev.koers.wire.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The submission key on disk: one line of base64. {@code koers up} creates it in its data directory; a
 * cluster gives every API and ledger the same file ({@code --submission-key-file}). Created and read through
 * {@link PrivateFiles}, like the token key: private to the user from its first byte, refused when others may
 * read it.
 */
public final class SubmissionKeyFile {

  /** Where {@code koers up} keeps the key, under its data directory. */
  public static final String IN_DATA_DIR = "keys/submission-hmac.key";

  private SubmissionKeyFile() {}

  public static Path inDataDir(Path dataDir) {
    return dataDir.resolve(IN_DATA_DIR);
  }

  /** Reads the key in {@code dataDir}, creating it (private, atomically) on the first run. */
  public static SubmissionKey loadOrCreate(Path dataDir) {
    Path file = inDataDir(dataDir);
    if (!Files.exists(file)) {
      create(file);
    }
    return load(file);
  }

  /**
   * @throws IllegalArgumentException naming the file when it is missing or not a key
   * @throws PrivateFiles.NotPrivate naming the file and the fix when others may read it
   */
  public static SubmissionKey load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no submission key at " + file + " (create one with: umask 077; "
          + "head -c 32 /dev/urandom | base64 > " + file + ")");
    }
    String text = new String(PrivateFiles.readSecret(file, "the submission key"), StandardCharsets.US_ASCII);
    try {
      return new SubmissionKey(Base64.getDecoder().decode(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the submission key " + file + " must be one line of base64, at least "
          + SubmissionKey.MIN_BYTES + " bytes: " + e.getMessage(), e);
    }
  }

  /** Writes a new random key to {@code file}, readable by this user only, never by others for an instant. */
  public static void create(Path file) {
    String line = Base64.getEncoder().encodeToString(SubmissionKey.random().bytes()) + "\n";
    PrivateFiles.createSecret(file, line.getBytes(StandardCharsets.US_ASCII));
  }
}
