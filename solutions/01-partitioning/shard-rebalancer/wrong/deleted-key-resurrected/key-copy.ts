/**
 * The mistake: a key missing at the source is skipped, by the copy and by the verify ("nothing to
 * copy, nothing to check"). A key deleted after its copy still has that copy on the target; verify
 * passes, the key switches to the target, and the deleted key is back.
 */
export function copyKey(source: Map<string, string>, target: Map<string, string>, key: string): void {
  const value = source.get(key);
  if (value !== undefined) target.set(key, value);
}

export function copyMatches(source: Map<string, string>, target: Map<string, string>, key: string): boolean {
  return !source.has(key) || source.get(key) === target.get(key);
}
