package dev.koers.cli;

import dev.koers.wire.proof.SubmissionKey;
import dev.koers.wire.proof.SubmissionKeyFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The submission key of a clustered ledger or API: the same file on every one of them (docs/ledger.md#proof). */
final class SubmissionKeyOption {

  @Option(names = "--submission-key-file", description = "A file holding the base64 submission key (at least 32 bytes, readable by its owner only) shared by every API and ledger: the ledger accepts only submissions proven by it ('koers up' keeps its own in data/keys/submission-hmac.key).")
  Path file;

  SubmissionKey load() {
    if (file == null) {
      throw new IllegalArgumentException("give --submission-key-file (or KOERS_SUBMISSION_KEY_FILE): the ledger "
          + "accepts only submissions proven by that key, and the API proves its submissions with it");
    }
    return SubmissionKeyFile.load(file);
  }
}
