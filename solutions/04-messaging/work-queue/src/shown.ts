/** A value as an error message shows it: strings quoted, objects (and null) as JSON, numbers as they print. */
export function shown(value: unknown): string {
  if (typeof value === "string" || typeof value === "object") return JSON.stringify(value);
  return String(value);
}
