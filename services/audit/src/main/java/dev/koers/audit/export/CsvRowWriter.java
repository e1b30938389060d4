package dev.koers.audit.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CSV by RFC 4180 (Jackson's CSV writer): a header row, CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break, quotes doubled. Nulls are empty fields; a list is its items joined by ';'.
 */
public final class CsvRowWriter implements RowWriter {

  private final SequenceWriter rows;
  private final Writer out;

  public CsvRowWriter(Writer out, List<String> columns) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // Quote only what RFC 4180 requires (a comma, a quote, a line break), not every id and hash.
    mapper.getFactory().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    CsvSchema.Builder schema = CsvSchema.builder();
    columns.forEach(schema::addColumn);
    this.rows = mapper.writer(schema.build().withHeader().withLineSeparator("\r\n")).writeValues(out);
    this.out = out;
  }

  @Override
  public void write(Map<String, Object> row) throws IOException {
    Map<String, Object> flat = new LinkedHashMap<>(row);
    flat.replaceAll((column, value) -> value instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining(";")) : value);
    rows.write(flat);
  }

  @Override
  public void close() throws IOException {
    rows.close();
    out.flush();
  }
}
