package dev.koers.api;

import dev.koers.schema.Role;
import java.util.EnumSet;
import java.util.Set;

/** Which roles may call which routes (docs/api.md has the table). The ledger checks ownership again. */
final class Roles {

  static final Set<Role> MANAGING = EnumSet.of(Role.MANAGER, Role.ADMIN);
  static final Set<Role> FEEDBACK = EnumSet.of(Role.STAKEHOLDER, Role.ADMIN);
  static final Set<Role> READING = EnumSet.of(Role.MANAGER, Role.AUDITOR, Role.VIEWER, Role.ADMIN);
  static final Set<Role> ADMINISTERING = EnumSet.of(Role.ADMIN);

  private Roles() {}
}
