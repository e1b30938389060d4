package dev.koers.audit.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The replay's decision documents as one JSON array, rendered a chunk at a time, on every core, while they are
 * written: a whole log's documents held at once took most of a replay's memory (several KB each, against about
 * one for the rebuilt decision behind it).
 */
final class DecisionDocuments<T> extends JsonSerializable.Base {

  private static final int CHUNK = 2048;

  private final List<T> sources;
  private final Function<T, ObjectNode> render;

  DecisionDocuments(List<T> sources, Function<T, ObjectNode> render) {
    this.sources = List.copyOf(sources);
    this.render = render;
  }

  int size() {
    return sources.size();
  }

  /** Every document at once, in order: for tests and small replays. */
  List<ObjectNode> all() {
    return sources.parallelStream().map(render).toList();
  }

  @Override
  public void serialize(JsonGenerator out, SerializerProvider provider) throws IOException {
    out.writeStartArray(this, sources.size());
    for (int from = 0; from < sources.size(); from += CHUNK) {
      List<ObjectNode> chunk = sources.subList(from, Math.min(from + CHUNK, sources.size())).parallelStream()
          .map(render).toList();
      for (ObjectNode document : chunk) {
        document.serialize(out, provider);
      }
    }
    out.writeEndArray();
  }

  @Override
  public void serializeWithType(JsonGenerator out, SerializerProvider provider, TypeSerializer types)
      throws IOException {
    WritableTypeId typeId = types.writeTypePrefix(out, types.typeId(this, JsonToken.START_ARRAY));
    serialize(out, provider);
    types.writeTypeSuffix(out, typeId);
  }
}
