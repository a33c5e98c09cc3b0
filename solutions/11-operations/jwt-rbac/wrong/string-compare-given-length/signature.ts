/** Wrong: a hand-rolled compare that loops over the given signature only, so a truncated one passes. */
export function signaturesMatch(expected: Buffer, given: Buffer): boolean {
  let diff = 0;
  for (let i = 0; i < given.length; i++) diff |= (given[i] as number) ^ (expected[i] as number);
  return diff === 0;
}
