package dev.koers.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A read is complete when no record lies between the last one seen and the extent's end, in every partition. */
class ReadCoverageTest {

  private static final LogExtent EXTENT = new LogExtent("t", List.of(
      new PartitionRange(0, 0, 10), new PartitionRange(1, 5, 5), new PartitionRange(2, 3, 8)));

  @Test
  void theNextOffsetsFollowTheRecordsSeen() {
    ReadCoverage coverage = new ReadCoverage(EXTENT);
    coverage.saw(at(0, 0));
    coverage.saw(at(0, 7));
    coverage.saw(at(2, 4));

    assertThat(coverage.nextOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(0, 8L, 1, 5L, 2, 5L));
  }

  @Test
  void nothingLeftBelowTheEndsIsComplete() {
    ReadCoverage coverage = new ReadCoverage(EXTENT);
    // Offsets 8 and 9 of partition 0 may be a marker and an aborted record: the log says no record lies there.
    coverage.saw(at(0, 7));

    assertThatCode(() -> coverage.requireComplete(Map.of())).doesNotThrowAnyException();
  }

  @Test
  void aRecordLeftBelowTheEndIsAnIncompleteRead() {
    ReadCoverage coverage = new ReadCoverage(EXTENT);
    coverage.saw(at(0, 9));
    coverage.saw(at(2, 5));

    assertThatThrownBy(() -> coverage.requireComplete(Map.of(2, 6L))).isInstanceOf(IncompleteReadException.class)
        .hasMessage("the read of t ended early: partition 2 was read up to offset 6 of [3, 8), and the record at "
            + "offset 6 was never read");
  }

  @Test
  void aRecordBeyondTheExtentIsRefused() {
    ReadCoverage coverage = new ReadCoverage(EXTENT);
    coverage.saw(at(0, 10));

    assertThatThrownBy(() -> coverage.requireComplete(Map.of())).isInstanceOf(IncompleteReadException.class)
        .hasMessageContaining("handed over offset 10 of partition 0, beyond its extent [0, 10)");
  }

  @Test
  void aRecordOutOfOrderOrOfAnotherPartitionIsRefused() {
    ReadCoverage backwards = new ReadCoverage(EXTENT);
    backwards.saw(at(0, 4));
    backwards.saw(at(0, 3));
    ReadCoverage elsewhere = new ReadCoverage(EXTENT);
    elsewhere.saw(at(7, 0));

    assertThatThrownBy(() -> backwards.requireComplete(Map.of())).isInstanceOf(IncompleteReadException.class)
        .hasMessageContaining("handed over partition 0 offset 3, outside its extent or out of order");
    assertThatThrownBy(() -> elsewhere.requireComplete(Map.of())).isInstanceOf(IncompleteReadException.class)
        .hasMessageContaining("partition 7 offset 0");
  }

  private static RecordPosition at(int partition, long offset) {
    return new RecordPosition("t", partition, offset);
  }
}
