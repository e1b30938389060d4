package dev.koers.domain;

/** Where a decision is in its life: opened, made, or withdrawn before it was made. */
public enum DecisionStatus {
  OPEN,
  DECIDED,
  WITHDRAWN
}
