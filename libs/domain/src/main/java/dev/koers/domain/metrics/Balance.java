package dev.koers.domain.metrics;

import dev.koers.schema.Perspective;
import java.util.Set;

/** Which core perspectives a decided decision heard: customer-oriented is not customer-swayed. */
public enum Balance {
  /** The customer, the employees and the organization were all heard. */
  MULTI_PERSPECTIVE,
  /** The customer and no other core perspective: customer-swayed. */
  CUSTOMER_ONLY,
  /** The customer was not heard. */
  NO_CUSTOMER,
  /** The customer and one of the other two core perspectives. */
  PARTIAL;

  /** {@code OTHER} is not a core perspective and never changes the class. */
  public static Balance of(Set<Perspective> heard) {
    boolean customer = heard.contains(Perspective.CUSTOMER);
    boolean employee = heard.contains(Perspective.EMPLOYEE);
    boolean organization = heard.contains(Perspective.ORGANIZATION);
    if (!customer) {
      return NO_CUSTOMER;
    }
    if (employee && organization) {
      return MULTI_PERSPECTIVE;
    }
    return employee || organization ? PARTIAL : CUSTOMER_ONLY;
  }
}
