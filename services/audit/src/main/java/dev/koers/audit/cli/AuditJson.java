package dev.koers.audit.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** How the audit writes and reads its JSON documents: instants as ISO-8601 strings, nulls written out. */
public final class AuditJson {

  private AuditJson() {}

  /** Indented: for small documents a person reads (digests, reports). */
  public static ObjectMapper mapper() {
    return mapper(true);
  }

  /** @param indent false for large documents meant for tools (a replay of the whole log) */
  public static ObjectMapper mapper(boolean indent) {
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .configure(SerializationFeature.INDENT_OUTPUT, indent)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return mapper;
  }
}
