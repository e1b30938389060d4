package dev.koers.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("attack")
class PrivateFilesTest {

  @TempDir
  Path dir;

  @Test
  void aNewFolderAndEveryMissingParentAreTheOwnersAlone() throws Exception {
    Path data = PrivateFiles.folder(dir.resolve("data/keys"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aSecretIsWrittenOwnerOnlyUnderItsNameAndNoTemporaryFileStays() throws Exception {
    Path key = dir.resolve("keys/token.key");
    PrivateFiles.createSecret(key, "s3cret\n".getBytes(StandardCharsets.UTF_8));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
    try (var files = Files.list(key.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("token.key");
    }
    assertThat(PrivateFiles.readSecret(key, "the key")).isEqualTo("s3cret\n".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rw-r--r--", "rw--w----", "rw----r--", "rwx--x---"})
  void aSecretAnyoneButItsOwnerMayUseIsRefusedWithTheCommandThatFixesIt(String permissions) throws Exception {
    Path key = dir.resolve("token.key");
    Files.writeString(key, "s3cret");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));

    assertThatThrownBy(() -> PrivateFiles.readSecret(key, "the token key"))
        .isInstanceOf(PrivateFiles.NotPrivate.class)
        .hasMessage("the token key " + key + " is open to others (" + permissions + "); run 'chmod 600 " + key
            + "' and start again");
  }
}
