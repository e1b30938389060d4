package dev.koers.wire;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a topic reader does with a record it cannot read: one log line naming where it lies and why, one count
 * on {@value #METER} (tagged with the reader and the topic), and nothing else, so the reader goes on.
 */
public final class UnreadableRecords {

  public static final String METER = "koers.reader.unreadable";

  private static final Logger LOG = LoggerFactory.getLogger(UnreadableRecords.class);

  private final String reader;
  private final MeterRegistry meters;

  public UnreadableRecords(String reader, MeterRegistry meters) {
    this.reader = reader;
    this.meters = meters;
  }

  public void skip(ConsumerRecord<?, ?> record, RuntimeException why) {
    // Expected on a topic anyone can write to: the message says enough, a stack trace would only add noise.
    LOG.warn("{} skipped an unreadable record of {} partition {} offset {}: {}", reader, record.topic(),
        record.partition(), record.offset(), why.getMessage() == null ? why.toString() : why.getMessage());
    Counter.builder(METER)
        .description("Records a topic reader skipped because it could not read them")
        .tag("reader", reader)
        .tag("topic", record.topic())
        .register(meters)
        .increment();
  }
}
