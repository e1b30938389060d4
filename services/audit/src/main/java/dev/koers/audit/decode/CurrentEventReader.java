package dev.koers.audit.decode;

import dev.koers.domain.HashChain;
import dev.koers.schema.ActivityGroup;
import dev.koers.schema.Actor;
import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Depth;
import dev.koers.schema.Perspective;
import dev.koers.schema.Role;
import dev.koers.schema.Sha256;
import dev.koers.schema.event.DecisionCommunicated;
import dev.koers.schema.event.DecisionMade;
import dev.koers.schema.event.DecisionOpened;
import dev.koers.schema.event.DecisionRevised;
import dev.koers.schema.event.DecisionWithdrawn;
import dev.koers.schema.event.FeedbackGiven;
import dev.koers.schema.event.PerspectiveHeard;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;

/**
 * Reads the body of a {@code DecisionEvent} written with exactly the current schema, field by field from
 * {@link AvroBytes} into the generated classes, giving what {@code SpecificDatumReader} gives for it. Reads
 * only schema {@link #WRITTEN_FOR}; EventDecoder leaves every other writer schema to Avro's resolution. A union
 * index or enum ordinal out of range is an {@link AvroTypeException}; Avro's length limits still apply, as
 * {@link AvroBytes} enforces them.
 */
final class CurrentEventReader {

  // Exists for speed: Avro's reflective SpecificDatumReader was ~45% of the audit's reading thread.

  /**
   * The fingerprint (CRC-64-AVRO of the Parsing Canonical Form) of the DecisionEvent schema this reader was
   * written for. When the .avsc files change, CurrentEventReaderTest fails: update the reader, then this.
   */
  static final long WRITTEN_FOR = 0x00fd33fd54b69c0bL;

  // A stale reader reads nothing: a schema change the fingerprint sees slows the audit down but cannot misread it.
  private static final boolean UP_TO_DATE =
      WRITTEN_FOR == SchemaNormalization.parsingFingerprint64(DecisionEvent.getClassSchema());

  private static final Schema AUDIENCE = DecisionCommunicated.getClassSchema().getField("audience").schema();
  // Enum.values() copies its array on every call.
  private static final Role[] ROLES = Role.values();
  private static final Perspective[] PERSPECTIVES = Perspective.values();
  private static final Depth[] DEPTHS = Depth.values();
  private static final ActivityGroup[] ACTIVITY_GROUPS = ActivityGroup.values();

  private CurrentEventReader() {}

  /** Whether records with this writer-schema fingerprint are for this reader. */
  static boolean reads(long fingerprint) {
    return UP_TO_DATE && fingerprint == WRITTEN_FOR;
  }

  // Java evaluates arguments left to right (JLS 15.7.4), so each constructor call reads its fields in order.
  static DecisionEvent read(AvroBytes in) throws IOException {
    return new DecisionEvent(in.readString(), in.readString(), in.readLong(), instant(in), instant(in),
        new Actor(in.readString(), symbol(ROLES, in, "Actor.role")), in.readString(), sha256(in), payload(in),
        sha256(in));
  }

  private static Object payload(AvroBytes in) throws IOException {
    int index = in.readInt();
    return switch (index) {
      case 0 -> new DecisionOpened(in.readString(), optionalString(in, "DecisionOpened.context"), in.readString(),
          in.readString(), symbol(ACTIVITY_GROUPS, in, "DecisionOpened.activityGroup"),
          optionalString(in, "DecisionOpened.activity"), present(in, "DecisionOpened.dueBy") ? instant(in) : null);
      case 1 -> new PerspectiveHeard(symbol(PERSPECTIVES, in, "PerspectiveHeard.perspective"),
          symbol(DEPTHS, in, "PerspectiveHeard.depth"), optionalString(in, "PerspectiveHeard.label"),
          optionalString(in, "PerspectiveHeard.summary"));
      case 2 -> new DecisionMade(in.readString(), optionalString(in, "DecisionMade.rationale"), in.readBoolean());
      case 3 -> new DecisionCommunicated(audience(in), in.readString());
      case 4 -> new DecisionRevised(in.readString(), in.readString());
      case 5 -> new DecisionWithdrawn(in.readString());
      case 6 -> new FeedbackGiven(symbol(PERSPECTIVES, in, "FeedbackGiven.perspective"), in.readString(),
          optionalString(in, "FeedbackGiven.label"), optionalInt(in, "FeedbackGiven.clarity"),
          optionalInt(in, "FeedbackGiven.speed"), optionalInt(in, "FeedbackGiven.heard"),
          optionalInt(in, "FeedbackGiven.addedValue"), optionalString(in, "FeedbackGiven.comment"));
      default -> throw new AvroTypeException("payload union index " + index + " is not 0..6");
    };
  }

  /** In blocks, as Avro writes arrays; the same list type as Avro's reader, without trusting the count. */
  private static GenericData.Array<Perspective> audience(AvroBytes in) throws IOException {
    GenericData.Array<Perspective> audience = new GenericData.Array<>(4, AUDIENCE);
    long read = 0;
    for (long block = in.readArrayStart(); block > 0; block = in.arrayNext(read)) {
      for (long i = 0; i < block; i++) {
        audience.add(symbol(PERSPECTIVES, in, "DecisionCommunicated.audience"));
      }
      read += block;
    }
    return audience;
  }

  private static Instant instant(AvroBytes in) throws IOException {
    return Instant.ofEpochMilli(in.readLong());
  }

  private static Sha256 sha256(AvroBytes in) throws IOException {
    byte[] bytes = new byte[HashChain.HASH_BYTES];
    in.readFixed(bytes);
    return new Sha256(bytes);
  }

  private static String optionalString(AvroBytes in, String field) throws IOException {
    return present(in, field) ? in.readString() : null;
  }

  private static Integer optionalInt(AvroBytes in, String field) throws IOException {
    return present(in, field) ? in.readInt() : null;
  }

  /** A ["null", X] union's index: false for null, true for X. */
  private static boolean present(AvroBytes in, String field) throws IOException {
    int index = in.readInt();
    if (index != 0 && index != 1) {
      throw new AvroTypeException(field + ": union index " + index + " is not 0 (null) or 1");
    }
    return index == 1;
  }

  private static <E extends Enum<E>> E symbol(E[] symbols, AvroBytes in, String field) throws IOException {
    int ordinal = in.readInt();
    if (ordinal < 0 || ordinal >= symbols.length) {
      throw new AvroTypeException(field + ": enum ordinal " + ordinal + " is not 0.." + (symbols.length - 1));
    }
    return symbols[ordinal];
  }
}
