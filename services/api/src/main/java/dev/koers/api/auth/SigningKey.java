package dev.koers.api.auth;

import dev.koers.wire.PrivateFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HS256 key of the embedded default, generated once into the data directory: created owner-only and
 * atomically, and refused at start when others may read it.
 */
public final class SigningKey {

  private static final String FILE = "keys/token-hs256.key";
  private static final int BYTES = 32;

  private SigningKey() {}

  public static Path location(Path dataDir) {
    return dataDir.resolve(FILE);
  }

  public static byte[] loadOrCreate(Path dataDir) {
    Path file = location(dataDir);
    if (!Files.exists(file)) {
      byte[] key = new byte[BYTES];
      new SecureRandom().nextBytes(key);
      PrivateFiles.createSecret(file, (Base64.getEncoder().encodeToString(key) + "\n")
          .getBytes(StandardCharsets.US_ASCII));
    }
    return read(file);
  }

  /** Reads an existing key; a missing key means Koers never ran with this data directory. */
  public static byte[] load(Path dataDir) {
    Path file = location(dataDir);
    if (!Files.exists(file)) {
      throw new IllegalStateException("no token key at " + file + "; run 'koers up --data-dir " + dataDir
          + "' once, or point --data-dir at the directory koers up uses");
    }
    return read(file);
  }

  /** A key file as 'koers up' writes it (base64 on one line), for instances that share the key. */
  public static byte[] read(Path file) {
    String text = new String(PrivateFiles.readSecret(file, "the token key"), StandardCharsets.US_ASCII).strip();
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the token key " + file + " is not base64 on one line", e);
    }
  }
}
