package dev.koers.audit.decode;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Random DecisionEvents in the current schema, reproducible from a seed, that need not make sense: any payload
 * kind and enum value, optional fields null or not, strings empty, unicode or long, numbers at their extremes.
 */
final class RandomEvents {

  private static final String[] ODD_TEXTS =
      {"é", "ß", "中文", "😀", "\u0000", "\n", "\"", ",", "\u200B", "\uFFFF"};
  private static final long[] EXTREME_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE,
      Integer.MAX_VALUE, (long) Integer.MIN_VALUE - 1, (long) Integer.MAX_VALUE + 1, -64, 63, -65, 64};
  private static final int[] EXTREME_INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, -64, 63, -65, 64};
  private static final SpecificDatumWriter<DecisionEvent> WRITER =
      new SpecificDatumWriter<>(DecisionEvent.getClassSchema());
  // Blocks of at most 64 bytes, so that longer arrays come in several blocks with negative counts and sizes.
  private static final EncoderFactory BLOCKING = new EncoderFactory().configureBlockSize(64);

  private final Random random;

  RandomEvents(long seed) {
    this.random = new Random(seed);
  }

  DecisionEvent next() {
    return new DecisionEvent(string(), string(), anyLong(), instant(), instant(),
        new Actor(string(), pick(Role.values())), string(), sha256(), payload(), sha256());
  }

  /** The Avro binary body, from Avro's own writer with a direct or (now and then) a blocking encoder. */
  byte[] body(DecisionEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = random.nextInt(4) == 0
        ? BLOCKING.blockingBinaryEncoder(out, null) : EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      WRITER.write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Object payload() {
    return switch (random.nextInt(7)) {
      case 0 -> new DecisionOpened(string(), optional(this::string), string(), string(),
          pick(ActivityGroup.values()), optional(this::string), optional(this::instant));
      case 1 -> new PerspectiveHeard(pick(Perspective.values()), pick(Depth.values()), optional(this::string),
          optional(this::string));
      case 2 -> new DecisionMade(string(), optional(this::string), random.nextBoolean());
      case 3 -> new DecisionCommunicated(audience(), string());
      case 4 -> new DecisionRevised(string(), string());
      case 5 -> new DecisionWithdrawn(string());
      default -> new FeedbackGiven(pick(Perspective.values()), string(), optional(this::string),
          optional(this::anyInt), optional(this::anyInt), optional(this::anyInt), optional(this::anyInt),
          optional(this::string));
    };
  }

  /** Empty, a few, repeated perspectives, or now and then a long list. */
  private List<Perspective> audience() {
    int size = random.nextInt(10) == 0 ? random.nextInt(300) : random.nextInt(6);
    List<Perspective> audience = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      audience.add(pick(Perspective.values()));
    }
    return audience;
  }

  private String string() {
    return switch (random.nextInt(12)) {
      case 0 -> "";
      case 1 -> text(1 + random.nextInt(20), true);
      case 2 -> random.nextInt(10) == 0 ? text(500 + random.nextInt(20_000), random.nextBoolean()) : text(80, false);
      case 3 -> anyCodePoints(1 + random.nextInt(30));
      default -> text(random.nextInt(16), false);
    };
  }

  private String text(int length, boolean odd) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (odd) {
        text.append(ODD_TEXTS[random.nextInt(ODD_TEXTS.length)]);
      } else {
        text.append((char) ('a' + random.nextInt(26)));
      }
    }
    return text.toString();
  }

  /** Code points from every plane, none a lone surrogate (UTF-8 cannot carry one). */
  private String anyCodePoints(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
      if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }

  private long anyLong() {
    return switch (random.nextInt(3)) {
      case 0 -> EXTREME_LONGS[random.nextInt(EXTREME_LONGS.length)];
      case 1 -> random.nextLong();
      default -> random.nextInt(1_000_000);
    };
  }

  private int anyInt() {
    return switch (random.nextInt(3)) {
      case 0 -> EXTREME_INTS[random.nextInt(EXTREME_INTS.length)];
      case 1 -> random.nextInt();
      default -> 1 + random.nextInt(5);
    };
  }

  private Instant instant() {
    return Instant.ofEpochMilli(anyLong());
  }

  private Sha256 sha256() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new Sha256(bytes);
  }

  private <T> T optional(Supplier<T> value) {
    return random.nextBoolean() ? null : value.get();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
