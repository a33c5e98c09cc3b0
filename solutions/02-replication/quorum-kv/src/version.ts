import type { Version, Versioned } from "./messages";

/**
 * Versions are ordered by counter, then by the id of the node that wrote them: two coordinators
 * that pick the same counter at the same moment still produce two different, ordered versions, so
 * every replica settles on the same winner. Negative: a is older.
 */
export function compareVersions(a: Version, b: Version): number {
  if (a.counter !== b.counter) return a.counter - b.counter;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

/** The newest of some copies (the first of equals); the list is never empty. */
export function newestOf(copies: readonly Versioned[]): Versioned {
  let newest = copies[0] as Versioned;
  for (const copy of copies) if (compareVersions(copy.version, newest.version) > 0) newest = copy;
  return newest;
}

/**
 * The version for a new write: a counter above the newest a round of replicas reported (so it
 * beats every write that completed before this one began) and above every counter this coordinator
 * has issued (so two of its own writes in flight at once never share a version), and its own id.
 */
export function nextVersion(newestSeen: Version, lastIssued: number, node: string): Version {
  return { counter: Math.max(newestSeen.counter, lastIssued) + 1, node };
}
