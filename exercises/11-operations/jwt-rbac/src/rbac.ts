import { notImplemented } from "#kata";

/** One role's definition: the roles it inherits from and the permissions it grants itself. */
export interface RoleDefinition {
  inherits?: readonly string[];
  permissions?: readonly string[];
}

/**
 * Role-based access control with inheritance: a role grants its own permissions and every
 * permission of the roles it inherits from, at any depth.
 */
export class Rbac {
  /**
   * @throws AuthError INVALID_ROLE for a role name, parent or permission that is not a non-empty
   *   string; UNKNOWN_ROLE for a parent that is not defined; ROLE_CYCLE when a role inherits from
   *   itself, directly or through others (the message shows the cycle).
   */
  constructor(roles: Readonly<Record<string, RoleDefinition>>) {
    void roles;
    notImplemented("Rbac.constructor");
  }

  /** Whether a caller holding these roles has the permission. Roles that are not defined grant nothing. */
  can(roles: readonly string[], permission: string): boolean {
    void roles;
    void permission;
    return notImplemented("Rbac.can");
  }

  /**
   * Every permission one role grants, inherited ones included, sorted.
   * @throws AuthError UNKNOWN_ROLE for a role that is not defined.
   */
  permissionsOf(role: string): string[] {
    void role;
    return notImplemented("Rbac.permissionsOf");
  }
}
