/**
 * A value as an error message shows it: strings quoted, objects as JSON, and the values JSON cannot
 * show (undefined, NaN, Infinity, functions) by name, so `[object Object]` and a bare `null` for NaN
 * never reach a log line.
 */
export function show(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint" || value === undefined) return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return value.toString();
  return JSON.stringify(value) ?? String(value);
}

/** True for an integer a count or an offset can be: a safe integer, so not NaN, 2.5 or Infinity. */
export function isWholeNumber(value: unknown): value is number {
  return Number.isSafeInteger(value);
}
