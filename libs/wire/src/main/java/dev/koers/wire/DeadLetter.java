package dev.koers.wire;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A record for the dead-letter topic: the input untouched, byte for byte, with headers saying what failed and
 * where (docs/wire-format.md). The ledger and the views both write them; each logs its own line.
 */
public final class DeadLetter {

  public static final String ERROR_CODE = "koers.error.code";
  public static final String ERROR_MESSAGE = "koers.error.message";
  public static final String SOURCE_TOPIC = "koers.source.topic";
  public static final String SOURCE_PARTITION = "koers.source.partition";
  public static final String SOURCE_OFFSET = "koers.source.offset";
  public static final String SOURCE_APPLICATION = "koers.source.application";

  private DeadLetter() {}

  public static Record<byte[], byte[]> of(Record<byte[], byte[]> record, String code, String message,
                                          ProcessorContext<?, ?> context) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    put(headers, ERROR_CODE, code);
    put(headers, ERROR_MESSAGE, message == null ? code : message);
    put(headers, SOURCE_APPLICATION, context.applicationId());
    context.recordMetadata().ifPresent(meta -> where(headers, meta));
    return new Record<>(record.key(), record.value(), record.timestamp(), headers);
  }

  /** {@code topic-partition@offset} of the record being processed, for log lines. */
  public static String position(ProcessorContext<?, ?> context) {
    return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
  }

  private static void where(RecordHeaders headers, RecordMetadata meta) {
    put(headers, SOURCE_TOPIC, meta.topic());
    put(headers, SOURCE_PARTITION, String.valueOf(meta.partition()));
    put(headers, SOURCE_OFFSET, String.valueOf(meta.offset()));
  }

  private static void put(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
