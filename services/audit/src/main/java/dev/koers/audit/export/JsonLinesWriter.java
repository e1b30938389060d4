package dev.koers.audit.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** JSON Lines: one JSON object per line, every column present, null where a kind has no such field. */
public final class JsonLinesWriter implements RowWriter {

  private final Writer out;
  private final SequenceWriter rows;

  public JsonLinesWriter(Writer out) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.out = out;
    this.rows = mapper.writer().withRootValueSeparator("\n").writeValues(out);
  }

  @Override
  public void write(Map<String, Object> row) throws IOException {
    rows.write(row);
  }

  @Override
  public void close() throws IOException {
    rows.close();
    out.write('\n');
    out.flush();
  }
}
