/** A value as an error message shows it: strings quoted, objects as JSON, numbers as they print. */
export function shown(value: unknown): string {
  if (typeof value === "string" || (typeof value === "object" && value !== null)) return JSON.stringify(value);
  return String(value);
}
