import { AuthError } from "./errors";
import { permissionClosure, type RoleDefinition } from "./role-closure";

export type { RoleDefinition } from "./role-closure";

function name(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") {
    throw new AuthError("INVALID_ROLE", `${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Role-based access control with inheritance. The whole closure is computed once, when the roles
 * are defined: a check is then one set lookup per role the caller holds, however deep the hierarchy.
 */
export class Rbac {
  private readonly granted: Map<string, ReadonlySet<string>>;

  constructor(roles: Readonly<Record<string, RoleDefinition>>) {
    if (typeof roles !== "object" || roles === null) {
      throw new AuthError("INVALID_ROLE", `roles must be an object of role definitions, got ${JSON.stringify(roles)}`);
    }
    const definitions = new Map<string, RoleDefinition>();
    for (const [role, definition] of Object.entries(roles)) {
      name(role, "a role name");
      for (const permission of definition.permissions ?? []) name(permission, `a permission of ${role}`);
      for (const parent of definition.inherits ?? []) {
        name(parent, `a parent of ${role}`);
        if (!Object.hasOwn(roles, parent)) {
          throw new AuthError(
            "UNKNOWN_ROLE",
            `role ${JSON.stringify(role)} inherits from ${JSON.stringify(parent)}, which is not defined; define it or remove it`,
          );
        }
      }
      definitions.set(role, definition);
    }
    this.granted = permissionClosure(definitions);
  }

  /** Whether a caller holding these roles has the permission. Roles that are not defined grant nothing. */
  can(roles: readonly string[], permission: string): boolean {
    for (const role of roles) {
      if (this.granted.get(role)?.has(permission) === true) return true;
    }
    return false;
  }

  /** Every permission one role grants, inherited ones included, sorted. */
  permissionsOf(role: string): string[] {
    const granted = this.granted.get(role);
    if (granted === undefined) throw new AuthError("UNKNOWN_ROLE", `role ${JSON.stringify(role)} is not defined`);
    return [...granted].sort();
  }
}
