package dev.koers.audit.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The digest's Merkle tree, recomputed step by step from docs/audit.md with plain SHA-256. */
class MerkleTreeTest {

  private static final byte[] A = filled(0xAA);
  private static final byte[] B = filled(0xBB);
  private static final byte[] C = filled(0xCC);

  @Test
  void noDecisionsIsTheHashOfNothing() throws Exception {
    assertThat(MerkleTree.root(Map.of())).isEqualTo(sha256());
  }

  @Test
  void oneDecisionIsItsLeaf() throws Exception {
    assertThat(MerkleTree.root(Map.of("d-1", A))).isEqualTo(leaf("d-1", A));
  }

  @Test
  void twoDecisionsAreANodeOfTheirLeavesInIdOrder() throws Exception {
    Map<String, byte[]> heads = new LinkedHashMap<>();
    heads.put("d-2", B);
    heads.put("d-1", A);

    assertThat(MerkleTree.root(heads)).isEqualTo(node(leaf("d-1", A), leaf("d-2", B)));
  }

  @Test
  void anOddLastNodeIsPromotedUnchanged() throws Exception {
    byte[] root = MerkleTree.root(Map.of("d-1", A, "d-2", B, "d-3", C));

    assertThat(root).isEqualTo(node(node(leaf("d-1", A), leaf("d-2", B)), leaf("d-3", C)));
  }

  @Test
  void leavesAreOrderedByUtf8BytesNotByUtf16() {
    // U+FF5E (3 UTF-8 bytes starting 0xEF) sorts after U+00E9 (0xC3 0xA9) in both orders; a surrogate pair
    // (U+1F600, UTF-8 0xF0...) sorts before U+FF5E in UTF-16 but after it in UTF-8.
    assertThat(MerkleTree.LEAF_ORDER.compare("\uD83D\uDE00", "\uFF5E")).isPositive();
    assertThat("\uD83D\uDE00".compareTo("\uFF5E")).isNegative();
  }

  @Test
  void aKnownVectorSoThatAnOutsiderCanCheckTheirImplementation() {
    String root = HexFormat.of().formatHex(MerkleTree.root(Map.of("d-1", A, "d-2", B, "d-3", C)));

    assertThat(root).isEqualTo(KnownVector.ROOT_OF_A_B_C);
  }

  static byte[] filled(int b) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) b);
    return bytes;
  }

  private static byte[] leaf(String id, byte[] head) throws Exception {
    return sha256(new byte[] {0}, id.getBytes(StandardCharsets.UTF_8), new byte[] {0}, head);
  }

  private static byte[] node(byte[] left, byte[] right) throws Exception {
    return sha256(new byte[] {1}, left, right);
  }

  private static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      sha.update(part);
    }
    return sha.digest();
  }

  /** The value docs/audit.md quotes (also computed with Python's hashlib by the same recipe). */
  private static final class KnownVector {
    static final String ROOT_OF_A_B_C = "edc29da4033eccc42b31da771228ab971fd1ce5458482c9c55cd07b875aefe01";
  }
}
