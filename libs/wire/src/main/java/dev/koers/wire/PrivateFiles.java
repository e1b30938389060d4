package dev.koers.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Folders and files only their owner may read (the data folder, signing keys): created with their
 * permissions, never restricted afterwards, and a secret whose file others may read is refused.
 */
public final class PrivateFiles {

  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private PrivateFiles() {}

  /** Creates the folder and any missing parent as 0700; a folder that exists already is left as it is. */
  public static Path folder(Path folder) {
    try {
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder, attributes(folder.toAbsolutePath().getParent(), FOLDER));
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder " + folder, e);
    }
  }

  /**
   * Writes a new secret file atomically: a temporary file created as 0600 in the same folder (so it is never
   * readable by others, not even empty), filled, flushed to disk, then moved to its name in one step.
   */
  public static void createSecret(Path file, byte[] content) {
    Path parent = folder(file.toAbsolutePath().getParent());
    Path temporary = parent.resolve("." + file.getFileName() + "." + HexFormat.of().toHexDigits(
        new SecureRandom().nextLong()) + ".tmp");
    try {
      Files.createFile(temporary, attributes(parent, FILE));
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC)) {
        out.write(content);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /** Reads a secret file, refusing it when anyone but its owner may read, write or run it. */
  public static byte[] readSecret(Path file, String what) {
    try {
      if (posix(file)) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
          throw new NotPrivate(what + " " + file + " is open to others ("
              + PosixFilePermissions.toString(permissions) + "); run 'chmod 600 " + file + "' and start again");
        }
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + file, e);
    }
  }

  private static FileAttribute<?>[] attributes(Path near, Set<PosixFilePermission> permissions) {
    return near == null || posix(near) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  /** A file system without POSIX permissions (Windows) protects files by the folder's access list instead. */
  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | SecurityException e) {
      // The error that brought us here is the one to report.
    }
  }

  /** A secret file that others may read: refused, with the command that fixes it. */
  public static final class NotPrivate extends RuntimeException {

    public NotPrivate(String message) {
      super(message, null, false, false);
    }
  }
}
