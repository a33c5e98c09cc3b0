/**
 * Copying one key between two shards' stores, and checking the copy. A key the source no longer
 * holds (deleted after the plan was made) is copied as an absence: the target's copy goes, or the
 * switch would bring a deleted key back.
 */
export function copyKey(source: Map<string, string>, target: Map<string, string>, key: string): void {
  const value = source.get(key);
  if (value === undefined) target.delete(key);
  else target.set(key, value);
}

/** True when the target holds exactly what the source holds for `key`, absence included. */
export function copyMatches(source: Map<string, string>, target: Map<string, string>, key: string): boolean {
  return source.get(key) === target.get(key);
}
