package dev.koers.domain.metrics;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The counts of a {@link Multiset} or a {@link ValueHistogram}: an unmodifiable map sorted by key (natural
 * order), never a zero count, kept as two sorted arrays. Equal to, hashed and iterated like the sorted map the
 * records used to hold. Its own class so that the records' canonical constructors take counts they built
 * themselves as they are, and so that adding and summing counts are linear merges instead of tree copies.
 *
 * @param <K> the counted element: a {@link String} or a {@link Long}
 */
final class SortedCounts<K> extends AbstractMap<K, Long> {

  private static final SortedCounts<?> EMPTY = new SortedCounts<>(new Object[0], new long[0]);
  @SuppressWarnings("unchecked")
  private static final Comparator<Object> NATURAL = (a, b) -> ((Comparable<Object>) a).compareTo(b);

  /** Ascending and distinct. */
  private final Object[] keys;
  /** The count of each key; never 0. */
  private final long[] counts;

  private SortedCounts(Object[] keys, long[] counts) {
    this.keys = keys;
    this.counts = counts;
  }

  @SuppressWarnings("unchecked")
  static <K> SortedCounts<K> empty() {
    return (SortedCounts<K>) EMPTY;
  }

  /** One occurrence of the key: every piece of a decision counts one respondent, value or week. */
  static <K> SortedCounts<K> one(K key) {
    return new SortedCounts<>(new Object[] {Objects.requireNonNull(key)}, new long[] {1});
  }

  /** The given counts, null and zero counts dropped; taken as they are when already canonical. */
  static <K> SortedCounts<K> of(Map<K, Long> counts) {
    if (counts instanceof SortedCounts<K> canonical) {
      return canonical;
    }
    TreeMap<K, Long> sorted = new TreeMap<>(); // sorts, and rejects null or incomparable keys as it always did
    if (counts != null) {
      counts.forEach((key, count) -> {
        if (count != null && count != 0) {
          sorted.put(key, count);
        }
      });
    }
    Object[] keys = new Object[sorted.size()];
    long[] values = new long[sorted.size()];
    int i = 0;
    for (Map.Entry<K, Long> entry : sorted.entrySet()) {
      keys[i] = entry.getKey();
      values[i++] = entry.getValue();
    }
    return of(keys, values, i);
  }

  /** {@code a + sign * b}, merging the two sorted arrays. */
  static <K> SortedCounts<K> combine(SortedCounts<K> a, SortedCounts<K> b, int sign) {
    Object[] keys = new Object[a.keys.length + b.keys.length];
    long[] counts = new long[keys.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.keys.length || j < b.keys.length) {
      int order = i == a.keys.length ? 1 : j == b.keys.length ? -1 : NATURAL.compare(a.keys[i], b.keys[j]);
      Object key = order <= 0 ? a.keys[i] : b.keys[j];
      long count = (order <= 0 ? a.counts[i++] : 0) + (order >= 0 ? sign * b.counts[j++] : 0);
      if (count != 0) {
        keys[n] = key;
        counts[n++] = count;
      }
    }
    return of(keys, counts, n);
  }

  /** The first {@code n} sorted, distinct, non-zero entries of the arrays, which no one else holds. */
  private static <K> SortedCounts<K> of(Object[] keys, long[] counts, int n) {
    if (n == 0) {
      return empty();
    }
    return n == keys.length ? new SortedCounts<>(keys, counts)
        : new SortedCounts<>(Arrays.copyOf(keys, n), Arrays.copyOf(counts, n));
  }

  @SuppressWarnings("unchecked")
  K keyAt(int index) {
    return (K) keys[index];
  }

  long countAt(int index) {
    return counts[index];
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public Long get(Object key) {
    int index = indexOf(key);
    return index < 0 ? null : counts[index];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  /** Like a TreeMap, a null key is never looked up. */
  private int indexOf(Object key) {
    return Arrays.binarySearch(keys, Objects.requireNonNull(key), NATURAL);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super K, ? super Long> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept((K) keys[i], counts[i]);
    }
  }

  @Override
  public Set<Entry<K, Long>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, Long>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<K, Long> next() {
            if (next == keys.length) {
              throw new NoSuchElementException();
            }
            Entry<K, Long> entry = new SimpleImmutableEntry<>(keyAt(next), counts[next]);
            next++;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  @Override
  public boolean equals(Object other) {
    if (other instanceof SortedCounts<?> sorted) {
      return Arrays.equals(counts, sorted.counts) && Arrays.equals(keys, sorted.keys);
    }
    return super.equals(other);
  }

  /** As every map: the sum of {@code key.hashCode() ^ count.hashCode()} over the entries. */
  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < keys.length; i++) {
      hash += keys[i].hashCode() ^ Long.hashCode(counts[i]);
    }
    return hash;
  }

  /**
   * Adds up many counts in one go: a mutable cell per key, sorted once at the end. Summing them pairwise
   * would copy the growing counts over and over.
   */
  static final class Sum<K> {

    /** Made when first needed: most sums of a week never count a lag or a dialogue. */
    private Map<K, long[]> cells;

    void add(SortedCounts<K> term) {
      if (cells == null && term.keys.length > 0) {
        cells = new HashMap<>();
      }
      for (int i = 0; i < term.keys.length; i++) {
        cells.computeIfAbsent(term.keyAt(i), key -> new long[1])[0] += term.counts[i];
      }
    }

    SortedCounts<K> total() {
      if (cells == null) {
        return empty();
      }
      Object[] keys = cells.keySet().toArray();
      Arrays.sort(keys, NATURAL);
      long[] counts = new long[keys.length];
      int n = 0;
      for (Object key : keys) {
        long count = cells.get(key)[0];
        if (count != 0) {
          keys[n] = key;
          counts[n++] = count;
        }
      }
      return of(keys, counts, n);
    }
  }
}
