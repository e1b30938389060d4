package dev.koers.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The HS256 key of the embedded default, generated once into the data directory and kept private. */
public final class SigningKey {

  private static final String FILE = "keys/token-hs256.key";
  private static final int BYTES = 32;

  private SigningKey() {}

  public static Path location(Path dataDir) {
    return dataDir.resolve(FILE);
  }

  public static byte[] loadOrCreate(Path dataDir) {
    Path file = location(dataDir);
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).strip());
      }
      byte[] key = new byte[BYTES];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
      restrict(file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the token key " + file, e);
    }
  }

  /** Reads an existing key; a missing key means Koers never ran with this data directory. */
  public static byte[] load(Path dataDir) {
    Path file = location(dataDir);
    if (!Files.exists(file)) {
      throw new IllegalStateException("no token key at " + file + "; run 'koers up --data-dir " + dataDir
          + "' once, or point --data-dir at the directory koers up uses");
    }
    return loadOrCreate(dataDir);
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own protection has to do.
    }
  }
}
