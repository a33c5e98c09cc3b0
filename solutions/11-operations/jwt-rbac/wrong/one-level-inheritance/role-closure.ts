import type { RoleDefinition } from "../../src/role-closure";

export type { RoleDefinition } from "../../src/role-closure";

/** Wrong: a role gets its parents' own permissions, not its grandparents'; and no cycle check. */
export function permissionClosure(roles: ReadonlyMap<string, RoleDefinition>): Map<string, ReadonlySet<string>> {
  const granted = new Map<string, ReadonlySet<string>>();
  for (const [role, definition] of roles) {
    const all = new Set(definition.permissions ?? []);
    for (const parent of definition.inherits ?? []) {
      for (const permission of roles.get(parent)?.permissions ?? []) all.add(permission);
    }
    granted.set(role, all);
  }
  return granted;
}
