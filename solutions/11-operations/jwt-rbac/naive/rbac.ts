/**
 * Correct but slow: the roles are stored as given and every check walks the inheritance graph from
 * the caller's roles (a depth-first search with a visited set), so a check costs the size of the
 * hierarchy above the role instead of one set lookup. Construction still validates everything and
 * rejects cycles (through the reference's closure, whose result it then ignores).
 */
import { AuthError } from "../src/errors";
import { permissionClosure, type RoleDefinition } from "../src/role-closure";

export type { RoleDefinition } from "../src/role-closure";

export class Rbac {
  private readonly definitions = new Map<string, RoleDefinition>();

  constructor(roles: Readonly<Record<string, RoleDefinition>>) {
    for (const [role, definition] of Object.entries(roles)) {
      for (const parent of definition.inherits ?? []) {
        if (!Object.hasOwn(roles, parent)) {
          throw new AuthError(
            "UNKNOWN_ROLE",
            `role ${JSON.stringify(role)} inherits from ${JSON.stringify(parent)}, which is not defined`,
          );
        }
      }
      this.definitions.set(role, definition);
    }
    permissionClosure(this.definitions);
  }

  private collect(role: string, into: Set<string>, seen: Set<string>): void {
    if (seen.has(role)) return;
    seen.add(role);
    const definition = this.definitions.get(role);
    if (definition === undefined) return;
    for (const permission of definition.permissions ?? []) into.add(permission);
    for (const parent of definition.inherits ?? []) this.collect(parent, into, seen);
  }

  can(roles: readonly string[], permission: string): boolean {
    const granted = new Set<string>();
    const seen = new Set<string>();
    for (const role of roles) this.collect(role, granted, seen);
    return granted.has(permission);
  }

  permissionsOf(role: string): string[] {
    if (!this.definitions.has(role)) throw new AuthError("UNKNOWN_ROLE", `role ${JSON.stringify(role)} is not defined`);
    const granted = new Set<string>();
    this.collect(role, granted, new Set());
    return [...granted].sort();
  }
}
