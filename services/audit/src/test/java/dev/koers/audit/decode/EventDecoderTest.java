package dev.koers.audit.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.koers.audit.log.RawRecord;
import dev.koers.audit.testing.Histories;
import dev.koers.audit.testing.LedgerRun;
import dev.koers.audit.testing.Records;
import dev.koers.schema.DecisionEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a record can be broken becomes a reason, never an exception. */
class EventDecoderTest {

  private final List<DecisionEvent> events = LedgerRun.events(Histories.interleaved(2));
  private final RawRecord sound = Records.raw(events.get(0), 1, 7);

  @Test
  void aSoundRecordIsTheEventWithItsPlaceAndAMatchingHash() {
    ReadRecord read = Records.decode(sound);

    assertThat(read).isInstanceOfSatisfying(LoggedEvent.class, e -> {
      assertThat(e.event()).isEqualTo(events.get(0));
      assertThat(e.hashMatches()).isTrue();
      assertThat(e.key()).isEqualTo("d-000");
      assertThat(e.position().partition()).isEqualTo(1);
      assertThat(e.position().offset()).isEqualTo(7);
    });
  }

  @Test
  void aChangedByteInTheBodyStillDecodesButItsHashDoesNotMatch() {
    byte[] value = sound.value().clone();
    String text = new String(value, StandardCharsets.ISO_8859_1);
    value[text.indexOf("night")] ^= 0x01;

    assertThat(Records.decode(Records.withValue(sound, value)))
        .isInstanceOfSatisfying(LoggedEvent.class, e -> assertThat(e.hashMatches()).isFalse());
  }

  @Test
  void aTombstone() {
    assertThat(reason(null)).contains("no value");
  }

  @Test
  void aWrongMarker() {
    byte[] value = sound.value().clone();
    value[0] = 0x00;

    assertThat(reason(value)).contains("not an Avro single-object record");
  }

  @Test
  void anUnknownFingerprint() {
    byte[] value = sound.value().clone();
    value[5] ^= 0x01;

    assertThat(reason(value)).contains("unknown writer schema fingerprint");
  }

  @Test
  void aTruncatedBody() {
    assertThat(reason(Arrays.copyOf(sound.value(), sound.value().length - 1))).contains("cannot decode");
  }

  @Test
  void bytesAfterTheEvent() {
    assertThat(reason(Arrays.copyOf(sound.value(), sound.value().length + 3))).contains("left over");
  }

  @Test
  void tooShortToHoldAHash() {
    assertThat(reason(new byte[] {(byte) 0xC3, 0x01, 1, 2})).contains("not an Avro single-object record");
  }

  private String reason(byte[] value) {
    ReadRecord read = Records.decode(Records.withValue(sound, value));
    assertThat(read).isInstanceOf(UnreadableRecord.class);
    assertThat(read.key()).isEqualTo("d-000");
    return ((UnreadableRecord) read).reason();
  }
}
