package dev.koers.audit.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.koers.audit.pass.PassSummary;
import dev.koers.audit.verify.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What verify found, as text (one line per finding, then a summary) or as a JSON document.
 *
 * @param digestRoot the Merkle root checked against, or null without {@code --digest}
 */
record VerificationReport(String topic, Map<Integer, Long> endOffsets, long records, long events, int decisions,
                          String digestRoot, List<Finding> findings) {

  static VerificationReport of(PassSummary pass, int decisions, String digestRoot, List<Finding> findings) {
    return new VerificationReport(pass.extent().topic(), pass.extent().endOffsets(), pass.records(),
        pass.events(), decisions, digestRoot, List.copyOf(findings));
  }

  @JsonProperty("verified")
  public boolean verified() {
    return findings.isEmpty();
  }

  void printText(PrintWriter out) {
    findings.forEach(f -> out.println(f.toLine()));
    String ends = endOffsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(" "));
    String scope = String.format("%,d records (%,d events) of %,d decisions in %s, end offsets %s", records,
        events, decisions, topic, ends);
    String digest = digestRoot == null ? "" : "; digest " + digestRoot.substring(0, 12) + "…";
    out.println(verified() ? "VERIFIED: " + scope + digest
        : "BROKEN: " + findings.size() + " problem(s) in " + scope + digest);
    out.flush();
  }
}
