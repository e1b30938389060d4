package dev.koers.wire.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.wire.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionKeyFileTest {

  @TempDir
  Path dir;

  @Test
  void theKeyIsCreatedPrivateInAPrivateFolderAndFoundAgain() throws IOException {
    SubmissionKey first = SubmissionKeyFile.loadOrCreate(dir.resolve("data"));
    Path file = SubmissionKeyFile.inDataDir(dir.resolve("data"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(SubmissionKeyFile.loadOrCreate(dir.resolve("data"))).isEqualTo(first);
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).as("no temporary file is left").containsExactly(file);
    }
  }

  @Test
  void aKeyOthersMayReadIsRefusedNamingTheFileAndTheFix() throws IOException {
    Path file = dir.resolve("wide.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> SubmissionKeyFile.load(file)).isInstanceOf(PrivateFiles.NotPrivate.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("chmod 600");
  }

  @Test
  void aMissingShortOrGarbledKeyIsRefusedWithAMessage() throws IOException {
    assertThatThrownBy(() -> SubmissionKeyFile.load(dir.resolve("none.key")))
        .hasMessageContaining("no submission key");
    Path shortKey = dir.resolve("short.key");
    Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
    Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> SubmissionKeyFile.load(shortKey)).hasMessageContaining("at least 32 bytes");
    Path garbled = dir.resolve("garbled.key");
    Files.writeString(garbled, "not base64 at all!");
    Files.setPosixFilePermissions(garbled, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> SubmissionKeyFile.load(garbled)).hasMessageContaining("base64");
  }
}
