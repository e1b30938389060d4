package dev.koers.views;

/**
 * Keys of many small entries. A decision's: its id, a '/', and the event's sequence (zero-padded, so that the
 * stores' byte order is sequence order and a prefix scan reads the timeline in log order) or the respondent's
 * id. A decision id never contains '/' (api.md: {@code [A-Za-z0-9._-]}), so one decision's prefix is never
 * the start of another's.
 */
final class EntryKeys {

  static final char SEPARATOR = '/';
  private static final String SEQUENCE_FORMAT = "%019d"; // every long sequence, in 19 digits

  private EntryKeys() {}

  static String event(String decisionId, long sequence) {
    return prefix(decisionId) + String.format(SEQUENCE_FORMAT, sequence);
  }

  static String respondent(String decisionId, String respondentId) {
    return prefix(decisionId) + respondentId;
  }

  /**
   * A respondent of one score group of an aggregate. An aggregate key may hold any character, so its length
   * comes first; a group's name holds no '/'; the respondent's id is the rest. No two triples share a key.
   */
  static String aggregateRespondent(String aggregateKey, String group, String respondentId) {
    return aggregateKey.length() + ":" + aggregateKey + SEPARATOR + group + SEPARATOR + respondentId;
  }

  /** What every entry of the decision, and no other decision's, starts with. */
  static String prefix(String decisionId) {
    return decisionId + SEPARATOR;
  }
}
