package dev.koers.ledger;

import dev.koers.wire.DeadLetter;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends submissions we cannot read to the dead-letter topic ({@link DeadLetter}), with one log line each. */
final class DeadLetters {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final ProcessorContext<Object, Object> context;
  private final String sink;

  DeadLetters(ProcessorContext<Object, Object> context, String sink) {
    this.context = context;
    this.sink = sink;
  }

  void send(Record<byte[], byte[]> record, String code, String message) {
    Record<byte[], byte[]> letter = DeadLetter.of(record, code, message, context);
    context.forward(new Record<Object, Object>(letter.key(), letter.value(), letter.timestamp(), letter.headers()),
        sink);
    LOG.warn("Dead-lettered a submission ({}): {} at {}", code, message, DeadLetter.position(context));
  }
}
