/**
 * A value as an error message shows it: numbers as they print (NaN stays NaN, where JSON would say
 * null), anything else as JSON (objects by their fields, never `[object Object]`), and what JSON
 * cannot show (undefined, a function) by String.
 */
export function show(value: unknown): string {
  return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** True for an integer a count or an offset can be: a safe integer, so not NaN, 2.5 or Infinity. */
export function isWholeNumber(value: unknown): value is number {
  return Number.isSafeInteger(value);
}
