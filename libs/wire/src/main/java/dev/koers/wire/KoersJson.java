package dev.koers.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Koers' one Jackson mapping, for the HTTP API's JSON and, in binary, for internal state ({@link StateSerde}). */
public final class KoersJson {

  private KoersJson() {}

  /**
   * A JSON mapper: ISO instants, tolerant of fields added later, and a character beyond the BMP (an emoji) as
   * its 4 bytes of UTF-8 rather than an escaped surrogate pair of 12, which would triple the worst case of a
   * record (DecisionRecordSizeTest).
   */
  public static ObjectMapper mapper() {
    return configure(new ObjectMapper(
        JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build()));
  }

  /** The mapping itself, on a mapper of any format. */
  static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
