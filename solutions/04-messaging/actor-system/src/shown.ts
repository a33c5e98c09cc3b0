/** A value as an error message shows it: strings quoted, objects as JSON, never "[object Object]". */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "object") {
    try {
      return JSON.stringify(value);
    } catch {
      return "an object that JSON cannot show";
    }
  }
  return String(value);
}
