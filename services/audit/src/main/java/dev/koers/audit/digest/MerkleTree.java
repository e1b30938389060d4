package dev.koers.audit.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Merkle root over every decision's head hash (docs/audit.md, "Digest"):
 * <pre>
 * leaf = SHA-256(0x00 || decisionId as UTF-8 || 0x00 || head hash, 32 raw bytes)
 * node = SHA-256(0x01 || left || right)
 * </pre>
 * Leaves are sorted by the decision id's UTF-8 bytes (unsigned, lexicographic); at each level an odd last node
 * is promoted unchanged; the root of no leaves is SHA-256 of nothing.
 */
public final class MerkleTree {

  /** Sorts decision ids by their UTF-8 bytes, unsigned, as the leaves are ordered. */
  public static final Comparator<String> LEAF_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private MerkleTree() {}

  /** The root over decision id to head hash (32 bytes each); the map's own order does not matter. */
  public static byte[] root(Map<String, byte[]> heads) {
    List<String> ids = new ArrayList<>(heads.keySet());
    ids.sort(LEAF_ORDER);
    List<byte[]> level = new ArrayList<>(ids.size());
    for (String id : ids) {
      level.add(leaf(id, heads.get(id)));
    }
    if (level.isEmpty()) {
      return sha256().digest();
    }
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        up.add(node(level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        up.add(level.get(level.size() - 1));
      }
      level = up;
    }
    return level.get(0);
  }

  static byte[] leaf(String decisionId, byte[] headHash) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x00);
    sha.update(decisionId.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0x00);
    sha.update(headHash);
    return sha.digest();
  }

  static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x01);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
