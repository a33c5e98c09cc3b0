/**
 * Whether a token's aud claim names one of the accepted audiences. RFC 7519 lets aud be one string
 * or an array of strings; a token for ["api", "billing"] is meant for both.
 */
export function audienceMatches(aud: unknown, accepted: ReadonlySet<string>): boolean {
  if (typeof aud === "string") return accepted.has(aud);
  if (Array.isArray(aud)) return aud.some((one) => typeof one === "string" && accepted.has(one));
  return false;
}
