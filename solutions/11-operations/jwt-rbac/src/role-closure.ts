import { AuthError } from "./errors";

/** One role's definition: the roles it inherits from and the permissions it grants itself. */
export interface RoleDefinition {
  inherits?: readonly string[];
  permissions?: readonly string[];
}

/**
 * Every role's full set of permissions: its own and those of every role it inherits from, at any
 * depth. A depth-first search with three colours; meeting a grey role (one still on the path) is a
 * cycle, reported with the path that closes it.
 */
export function permissionClosure(roles: ReadonlyMap<string, RoleDefinition>): Map<string, ReadonlySet<string>> {
  const done = new Map<string, ReadonlySet<string>>();
  const path: string[] = [];
  const visit = (role: string): ReadonlySet<string> => {
    const finished = done.get(role);
    if (finished !== undefined) return finished;
    const onPath = path.indexOf(role);
    if (onPath >= 0) {
      throw new AuthError(
        "ROLE_CYCLE",
        `role inheritance has a cycle: ${[...path.slice(onPath), role].join(" -> ")}; inheritance must be a hierarchy`,
      );
    }
    path.push(role);
    const definition = roles.get(role) as RoleDefinition;
    const all = new Set(definition.permissions ?? []);
    for (const parent of definition.inherits ?? []) {
      for (const permission of visit(parent)) all.add(permission);
    }
    path.pop();
    done.set(role, all);
    return all;
  };
  for (const role of roles.keys()) visit(role);
  return done;
}
