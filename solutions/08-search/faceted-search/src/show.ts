/** A value as a message shows it: strings and objects as JSON, the rest (NaN, undefined) as written. */
export function show(value: unknown): string {
  if (typeof value === "string" || (typeof value === "object" && value !== null)) return JSON.stringify(value);
  return String(value);
}
