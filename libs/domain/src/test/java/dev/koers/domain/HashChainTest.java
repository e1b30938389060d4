package dev.koers.domain;

import static dev.koers.domain.Fixtures.communicated;
import static dev.koers.domain.Fixtures.decided;
import static dev.koers.domain.Fixtures.feedbackGiven;
import static dev.koers.domain.Fixtures.opened;
import static dev.koers.domain.Scenario.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.koers.schema.DecisionEvent;
import dev.koers.schema.Sha256;
import dev.koers.schema.event.DecisionOpened;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The hash chain")
class HashChainTest {

  private final HashChain hashChain = new HashChain();

  @Test
  void genesis_is_32_zero_bytes() {
    assertThat(HashChain.GENESIS.bytes()).hasSize(32).containsOnly(0);
    assertThat(HashChain.genesis()).isEqualTo(HashChain.GENESIS).isNotSameAs(HashChain.GENESIS);
    assertThat(HashChain.hex(HashChain.GENESIS)).isEqualTo(HashChain.GENESIS_HEX).hasSize(64).containsOnlyDigits();
  }

  @Test
  void a_sealed_event_verifies() {
    DecisionEvent sealed = hashChain.seal(unsealedOpening());

    assertThat(hashChain.verifies(sealed)).isTrue();
    assertThat(HashChain.verifiesBody(HashChain.encode(sealed))).isTrue();
  }

  @Test
  void sealing_leaves_the_given_event_alone_and_is_deterministic() {
    DecisionEvent unsealed = unsealedOpening();
    DecisionEvent before = DecisionEvent.newBuilder(unsealed).build();

    DecisionEvent first = hashChain.seal(unsealed);
    DecisionEvent second = hashChain.seal(unsealed);

    assertThat(unsealed).isEqualTo(before);
    assertThat(first.getHash()).isEqualTo(second.getHash()).isNotEqualTo(HashChain.GENESIS);
  }

  @Test
  void the_hash_is_sha256_over_the_avro_binary_of_every_field_before_it() throws Exception {
    DecisionEvent sealed = hashChain.seal(unsealedOpening());

    assertThat(sealed.getHash().bytes()).isEqualTo(independentlyComputedHash(sealed));
  }

  @Test
  void the_hash_of_every_kind_of_event_is_computed_the_same_independent_way() throws Exception {
    for (DecisionEvent event : given(opened(), decided(), communicated(), feedbackGiven()).events()) {
      assertThat(event.getHash().bytes()).isEqualTo(independentlyComputedHash(event));
    }
  }

  @Test
  void one_chain_sealing_events_of_every_size_in_turn_reuses_nothing_of_the_previous_one() throws Exception {
    List<DecisionEvent> events = given(opened(), decided(), communicated(), feedbackGiven()).events();
    List<DecisionEvent> longThenShort = new java.util.ArrayList<>(events);
    longThenShort.sort(java.util.Comparator.comparingInt((DecisionEvent e) -> HashChain.encode(e).length).reversed());
    longThenShort.addAll(events);

    for (DecisionEvent event : longThenShort) {
      DecisionEvent resealed = hashChain.seal(event);
      assertThat(resealed.getHash().bytes()).isEqualTo(independentlyComputedHash(event))
          .isEqualTo(new HashChain().seal(event).getHash().bytes());
    }
  }

  @Test
  void a_flipped_bit_anywhere_in_the_body_fails_verification() {
    byte[] body = HashChain.encode(hashChain.seal(unsealedOpening()));

    for (int bit = 0; bit < body.length * 8; bit++) {
      byte[] tampered = body.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(HashChain.verifiesBody(tampered)).as("bit %d flipped", bit).isFalse();
    }
  }

  @Test
  void a_changed_field_fails_verification() {
    DecisionEvent sealed = hashChain.seal(unsealedOpening());

    DecisionEvent otherTitle = DecisionEvent.newBuilder(sealed)
        .setPayload(DecisionOpened.newBuilder((DecisionOpened) sealed.getPayload()).setTitle("Other").build())
        .build();
    DecisionEvent otherSequence = DecisionEvent.newBuilder(sealed).setSequence(2).build();
    DecisionEvent otherLink = DecisionEvent.newBuilder(sealed).setPreviousHash(sealed.getHash()).build();

    assertThat(hashChain.verifies(otherTitle)).isFalse();
    assertThat(hashChain.verifies(otherSequence)).isFalse();
    assertThat(hashChain.verifies(otherLink)).isFalse();
  }

  @Test
  void an_unsealed_or_truncated_event_does_not_verify() {
    DecisionEvent unsealed = unsealedOpening();
    DecisionEvent sealed = hashChain.seal(unsealed);
    unsealed.setHash(null);

    assertThat(hashChain.verifies(unsealed)).isFalse();
    assertThat(HashChain.verifiesBody(new byte[31])).isFalse();
    assertThat(HashChain.verifiesBody(null)).isFalse();
    byte[] body = HashChain.encode(sealed);
    assertThat(HashChain.verifiesBody(Arrays.copyOf(body, body.length - 1))).isFalse();
  }

  @Test
  void a_sealed_event_decodes_from_its_body_and_still_verifies() throws Exception {
    DecisionEvent sealed = hashChain.seal(unsealedOpening());
    byte[] body = HashChain.encode(sealed);

    DecisionEvent decoded = new SpecificDatumReader<>(DecisionEvent.class)
        .read(null, DecoderFactory.get().binaryDecoder(body, null));

    assertThat(decoded).isEqualTo(sealed);
    assertThat(hashChain.verifies(decoded)).isTrue();
  }

  @Test
  void each_event_links_to_its_predecessor() {
    List<DecisionEvent> events = given(opened(), decided(), communicated()).events();

    assertThat(events.get(0).getPreviousHash()).isEqualTo(HashChain.GENESIS);
    assertThat(events.get(1).getPreviousHash()).isEqualTo(events.get(0).getHash());
    assertThat(events.get(2).getPreviousHash()).isEqualTo(events.get(1).getHash());
  }

  @Test
  void hashes_are_written_as_lowercase_hex_and_read_back() {
    Sha256 hash = hashChain.seal(unsealedOpening()).getHash();

    assertThat(HashChain.hex(hash)).matches("[0-9a-f]{64}");
    assertThat(HashChain.fromHex(HashChain.hex(hash))).isEqualTo(hash);
    assertThat(HashChain.fromHex(HashChain.hex(hash).toUpperCase())).isEqualTo(hash);
    assertThatIllegalArgumentException().isThrownBy(() -> HashChain.fromHex("abcd"));
  }

  /** The recipe, written out with nothing from HashChain: zero the hash, encode, drop 32 bytes, digest. */
  private static byte[] independentlyComputedHash(DecisionEvent event) throws Exception {
    DecisionEvent zeroed = DecisionEvent.newBuilder(event).setHash(new Sha256(new byte[32])).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(DecisionEvent.class).write(zeroed, encoder);
    encoder.flush();
    byte[] full = out.toByteArray();
    return MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(full, full.length - 32));
  }

  private static DecisionEvent unsealedOpening() {
    DecisionEvent opening = given(opened()).events().get(0);
    return DecisionEvent.newBuilder(opening).setHash(HashChain.genesis()).build();
  }
}
