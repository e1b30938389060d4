package dev.koers.audit.decode;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.InvalidNumberEncodingException;
import org.apache.avro.SystemLimitException;

/**
 * A cursor over Avro's binary encoding in a byte array: zigzag varints, length-prefixed strings, fixed bytes and
 * blocked arrays, read in place. It fails where Avro's {@code BinaryDecoder} fails (a varint too long, a length
 * negative or beyond Avro's limits, the data ending early), so {@link CurrentEventReader} keeps Avro's outcomes.
 */
final class AvroBytes {

  // Exists for speed: BinaryDecoder copies each string twice (into a Utf8, then a String) and allocates per record.

  private byte[] buf;
  private int pos;
  private int limit;

  /** Points the cursor at {@code length} bytes of {@code buf} from {@code offset}. */
  AvroBytes reset(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
    return this;
  }

  boolean isEnd() {
    return pos == limit;
  }

  long readLong() throws IOException {
    long n = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = next();
      n |= (b & 0x7FL) << shift;
      if (b < 0x80) {
        return (n >>> 1) ^ -(n & 1);
      }
    }
    throw new InvalidNumberEncodingException("Invalid long encoding");
  }

  int readInt() throws IOException {
    int n = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = next();
      n |= (b & 0x7F) << shift;
      if (b < 0x80) {
        return (n >>> 1) ^ -(n & 1);
      }
    }
    throw new InvalidNumberEncodingException("Invalid int encoding");
  }

  /** As Avro reads a boolean: true only for the byte 1. */
  boolean readBoolean() throws IOException {
    return next() == 1;
  }

  String readString() throws IOException {
    int length = SystemLimitException.checkMaxStringLength(readLong());
    require(length);
    String s = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  void readFixed(byte[] into) throws IOException {
    require(into.length);
    System.arraycopy(buf, pos, into, 0, into.length);
    pos += into.length;
  }

  /** The item count of an array's first block (0 ends the array). */
  long readArrayStart() throws IOException {
    return SystemLimitException.checkMaxCollectionLength(0L, readItemCount());
  }

  /** The item count of an array's next block, given how many items its earlier blocks held. */
  long arrayNext(long readSoFar) throws IOException {
    long items = readItemCount();
    SystemLimitException.checkMaxCollectionLength(readSoFar, items);
    return items;
  }

  /** A negative count is followed by the block's size in bytes, which a reader may skip by. */
  private long readItemCount() throws IOException {
    long count = readLong();
    if (count < 0) {
      if (count == Long.MIN_VALUE) {
        throw new AvroRuntimeException("Malformed data. Block count is " + count);
      }
      long size = readLong();
      if (size < 0) {
        throw new AvroRuntimeException("Malformed data. Block byte-size is negative: " + size);
      }
      count = -count;
    }
    return count;
  }

  private int next() throws IOException {
    if (pos >= limit) {
      throw new EOFException();
    }
    return buf[pos++] & 0xFF;
  }

  private void require(int length) throws IOException {
    if (length > limit - pos) {
      throw new EOFException();
    }
  }
}
