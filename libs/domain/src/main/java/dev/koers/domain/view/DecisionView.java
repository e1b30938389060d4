package dev.koers.domain.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision as the views show it, folded from its events. Personal data (respondents, comments) is not kept.
 */
public record DecisionView(String decisionId, Opening opening, Head head, Course course, List<Hearing> hearings) {

  public DecisionView {
    hearings = hearings == null ? List.of() : List.copyOf(hearings);
  }

  public DecisionView withHead(Head next) {
    return new DecisionView(decisionId, opening, next, course, hearings);
  }

  public DecisionView withCourse(Course next) {
    return new DecisionView(decisionId, opening, head, next, hearings);
  }

  public DecisionView withHearing(Hearing hearing) {
    List<Hearing> more = new ArrayList<>(hearings);
    more.add(hearing);
    return new DecisionView(decisionId, opening, head, course, more);
  }
}
