package dev.koers.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.wire.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("attack")
class SigningKeyTest {

  @TempDir
  Path data;

  @Test
  void theKeyIsCreatedOwnerOnlyInAnOwnerOnlyFolderAndFoundAgain() throws Exception {
    byte[] key = SigningKey.loadOrCreate(data);
    Path file = SigningKey.location(data);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(key).hasSize(32);
    assertThat(SigningKey.load(data)).isEqualTo(key);
  }

  @Test
  void aKeyOthersMayReadIsRefusedAtStartWithWhatToDo() throws Exception {
    SigningKey.loadOrCreate(data);
    Path file = SigningKey.location(data);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> SigningKey.loadOrCreate(data)).isInstanceOf(PrivateFiles.NotPrivate.class)
        .hasMessageContaining("chmod 600 " + file);
  }
}
