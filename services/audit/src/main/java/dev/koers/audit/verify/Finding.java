package dev.koers.audit.verify;

import dev.koers.audit.log.RecordPosition;

/**
 * One thing found wrong, and where.
 *
 * @param problem what kind of problem
 * @param decisionId the decision it concerns (the record's key when the event is unreadable); null for the log
 * @param sequence the event's sequence as recorded; null when unknown
 * @param position the record; null for a finding about the log as a whole
 * @param detail what exactly, for a person
 */
public record Finding(Problem problem, String decisionId, Long sequence, RecordPosition position, String detail) {

  /** One line: problem, decision, sequence, topic, partition, offset, detail. */
  public String toLine() {
    StringBuilder line = new StringBuilder(problem.name());
    line.append(" decision=").append(decisionId == null ? "-" : decisionId);
    line.append(" sequence=").append(sequence == null ? "-" : sequence);
    if (position != null) {
      line.append(" topic=").append(position.topic()).append(" partition=").append(position.partition())
          .append(" offset=").append(position.offset());
    }
    return line.append(": ").append(detail).toString();
  }
}
