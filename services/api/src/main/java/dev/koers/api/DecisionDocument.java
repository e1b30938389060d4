package dev.koers.api;

import dev.koers.domain.view.DecisionView;
import dev.koers.domain.view.Hearing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON document for GET /api/v1/decisions/{id}: names as in the API contract, nulls kept explicit. */
final class DecisionDocument {

  private DecisionDocument() {}

  static Map<String, Object> of(DecisionView v) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("decisionId", v.decisionId());
    doc.put("status", v.head().status());
    doc.put("sequence", v.head().sequence());
    doc.put("hash", v.head().lastHash());
    doc.put("title", v.opening().title());
    doc.put("context", v.opening().context());
    doc.put("unit", v.opening().unit());
    doc.put("managerId", v.opening().managerId());
    doc.put("activityGroup", v.opening().activityGroup());
    doc.put("activity", v.opening().activity());
    doc.put("dueBy", v.opening().dueBy());
    doc.put("openedAt", v.opening().openedAt());
    doc.put("decidedAt", v.course().decidedAt());
    doc.put("outcome", v.course().outcome());
    doc.put("rationale", v.course().rationale());
    doc.put("usesPower", v.course().usesPower());
    doc.put("firstCommunicatedAt", v.course().firstCommunicatedAt());
    doc.put("revisions", v.course().revisions());
    doc.put("withdrawnAt", v.course().withdrawnAt());
    doc.put("lastRecordedAt", v.head().lastRecordedAt());
    doc.put("hearings", hearings(v.hearings()));
    return doc;
  }

  private static List<Map<String, Object>> hearings(List<Hearing> hearings) {
    return hearings.stream().map(h -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("perspective", h.perspective());
      m.put("depth", h.depth());
      m.put("label", h.label());
      m.put("occurredAt", h.occurredAt());
      return m;
    }).toList();
  }
}
