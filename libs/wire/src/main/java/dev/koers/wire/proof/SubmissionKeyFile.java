package dev.koers.wire.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The submission key on disk: one line of base64. {@code koers up} creates it in its data directory; a
 * cluster gives every API and ledger the same file ({@code --submission-key-file}). The file is created
 * private to the user from its first byte (its permissions are set when it is created, never afterwards), and a
 * file that others may read or write is refused.
 */
public final class SubmissionKeyFile {

  /** Where {@code koers up} keeps the key, under its data directory. */
  public static final String IN_DATA_DIR = "keys/submission-hmac.key";

  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

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
   * @throws IllegalArgumentException naming the file when it is missing, unreadable, not private, or not a key
   */
  public static SubmissionKey load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no submission key at " + file + " (create one with: umask 077; "
          + "head -c 32 /dev/urandom | base64 > " + file + ")");
    }
    refuseWidePermissions(file);
    try {
      return new SubmissionKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the submission key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the submission key " + file + " must be one line of base64, at least "
          + SubmissionKey.MIN_BYTES + " bytes: " + e.getMessage(), e);
    }
  }

  /** Writes a new random key to {@code file}, readable by this user only, never by others for an instant. */
  public static void create(Path file) {
    byte[] key = SubmissionKey.random().bytes();
    Path dir = file.toAbsolutePath().getParent();
    Path temporary = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      createPrivateDirectories(dir);
      Files.createFile(temporary, privately(OWNER_ONLY_FILE));
      Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
      // Readers see no key or the whole key, never a half-written one.
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the submission key " + file, e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // only the leftover of a failed attempt
      }
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    createPrivateDirectories(dir.getParent());
    try {
      Files.createDirectory(dir, privately(OWNER_ONLY_DIR));
    } catch (FileAlreadyExistsException e) {
      // made by someone else meanwhile
    }
  }

  private static void refuseWidePermissions(Path file) {
    if (!posix(file)) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY_FILE.containsAll(permissions)) {
        throw new IllegalArgumentException("the submission key " + file + " may be read or written by others ("
            + PosixFilePermissions.toString(permissions) + "); allow only its owner: chmod 600 " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the permissions of " + file, e);
    }
  }

  private static FileAttribute<?>[] privately(Set<PosixFilePermission> permissions) {
    return posix(Path.of("").toAbsolutePath())
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
