package dev.koers.api.auth;

import dev.koers.schema.Role;

/**
 * Who a valid token speaks for. A manager is bound to a manager id; a stakeholder may be bound to one
 * respondent (null for a survey tool, which records any respondent's feedback).
 */
public record Principal(String subject, Role role, String managerId, String respondentId) {}
