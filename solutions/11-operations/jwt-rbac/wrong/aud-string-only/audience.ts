/** Wrong: aud compared as a string only, so an array aud never matches. */
export function audienceMatches(aud: unknown, accepted: ReadonlySet<string>): boolean {
  return typeof aud === "string" && accepted.has(aud);
}
