package dev.koers.ledger;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends input we cannot read to the dead-letter topic, untouched, with headers saying what and where. */
final class DeadLetters {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  static final String ERROR_CODE = "koers.error.code";
  static final String ERROR_MESSAGE = "koers.error.message";
  static final String SOURCE_TOPIC = "koers.source.topic";
  static final String SOURCE_PARTITION = "koers.source.partition";
  static final String SOURCE_OFFSET = "koers.source.offset";
  static final String SOURCE_APPLICATION = "koers.source.application";

  private final ProcessorContext<Object, Object> context;
  private final String sink;

  DeadLetters(ProcessorContext<Object, Object> context, String sink) {
    this.context = context;
    this.sink = sink;
  }

  void send(Record<byte[], byte[]> record, String code, String message) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    put(headers, ERROR_CODE, code);
    put(headers, ERROR_MESSAGE, message == null ? code : message);
    put(headers, SOURCE_APPLICATION, context.applicationId());
    context.recordMetadata().ifPresent(meta -> where(headers, meta));
    context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers), sink);
    LOG.warn("Dead-lettered a submission ({}): {} at {}", code, message,
        context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"));
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
