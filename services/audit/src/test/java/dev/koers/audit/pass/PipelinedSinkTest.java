package dev.koers.audit.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.koers.audit.log.RawRecord;
import dev.koers.audit.log.RecordPosition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinedSinkTest {

  @Test
  void everyRecordArrivesOnceInOrder() {
    List<Long> seen = new ArrayList<>();
    try (PipelinedSink<RawRecord> sink = new PipelinedSink<>(r -> seen.add(r.position().offset()))) {
      for (long offset = 0; offset < 5000; offset++) {
        sink.accept(record(offset));
      }
      sink.finish();
    }

    assertThat(seen).hasSize(5000).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aFailureOfTheWorkerComesBackToTheReader() {
    try (PipelinedSink<RawRecord> sink = new PipelinedSink<>(r -> {
      throw new IllegalStateException("disk full");
    })) {
      sink.accept(record(0));

      assertThatThrownBy(sink::finish).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    }
  }

  @Test
  void anErrorOfTheWorkerLateInThePassComesBackAtFinish() {
    try (PipelinedSink<RawRecord> sink = new PipelinedSink<>(r -> {
      if (r.position().offset() == 4990) {
        throw new StackOverflowError("injected");
      }
    })) {
      for (long offset = 0; offset < 5000; offset++) {
        sink.accept(record(offset));
      }

      assertThatThrownBy(sink::finish).isInstanceOf(StackOverflowError.class).hasMessage("injected");
    }
  }

  @Test
  void anErrorOfTheWorkerEarlyInThePassStopsTheReader() {
    try (PipelinedSink<RawRecord> sink = new PipelinedSink<>(r -> {
      throw new OutOfMemoryError("injected");
    })) {
      assertThatThrownBy(() -> {
        for (long offset = 0; offset < 1_000_000; offset++) {
          sink.accept(record(offset));
        }
      }).isInstanceOf(OutOfMemoryError.class).hasMessage("injected");
    }
  }

  private static RawRecord record(long offset) {
    return new RawRecord(new RecordPosition("t", 0, offset), null, null);
  }
}
