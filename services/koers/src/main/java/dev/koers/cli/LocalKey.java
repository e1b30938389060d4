package dev.koers.cli;

import dev.koers.api.auth.SigningKey;
import dev.koers.api.auth.TokenMinter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The token key that 'koers up' keeps in its data directory, for the tools that mint tokens with it. */
final class LocalKey {

  private LocalKey() {}

  static TokenMinter minter(Path dataDir) {
    if (!Files.exists(SigningKey.location(dataDir))) {
      throw new UserError("no token key in " + dataDir + "; run 'koers up --data-dir " + dataDir
          + "' once to create it, or point --data-dir at the directory 'koers up' uses");
    }
    return new TokenMinter(SigningKey.load(dataDir));
  }
}
