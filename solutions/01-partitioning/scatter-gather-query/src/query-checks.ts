/** The checks a query's parts get before anything runs: sort keys, LIMIT and OFFSET. */
import { QueryError } from "./errors";
import type { Direction, SortKey } from "./query";

/** A value as a message shows it: 2.5, NaN, "10" (a string), null, {"a":1}. */
export function shown(value: unknown): string {
  if (typeof value === "number" || typeof value === "bigint") return String(value); // NaN, 10n: not JSON
  if (typeof value === "function") return "a function";
  return JSON.stringify(value) ?? String(value); // undefined and symbols have no JSON
}

/** The sort keys with every direction spelled out. */
export function checkOrderBy(orderBy: unknown): Required<SortKey>[] {
  if (!Array.isArray(orderBy)) {
    throw new QueryError(
      "INVALID_ORDER_BY",
      `orderBy must be an array of sort keys such as [{ column: "total", direction: "desc" }] (or [] for no order), got ${shown(orderBy)}`,
    );
  }
  return orderBy.map((key: unknown, i) => {
    const column = (key as SortKey | null)?.column;
    if (typeof column !== "string") {
      throw new QueryError(
        "INVALID_ORDER_BY",
        `orderBy[${i}] must be { column: string, direction?: "asc" | "desc" }, got ${shown(key)}`,
      );
    }
    const given: unknown = (key as SortKey).direction;
    const direction = given === undefined ? "asc" : given;
    if (direction !== "asc" && direction !== "desc") {
      throw new QueryError(
        "INVALID_DIRECTION",
        `orderBy[${i}] sorts column ${shown(column)} in direction ${shown(direction)}: use "asc" or "desc" (lower case), or leave it out for ascending`,
      );
    }
    return { column, direction: direction satisfies Direction };
  });
}

function checkCount(name: "limit" | "offset", value: unknown, ifAbsent: string): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 0)) {
    throw new QueryError(
      name === "limit" ? "INVALID_LIMIT" : "INVALID_OFFSET",
      `${name} must be a non-negative integer (or left out for ${ifAbsent}), got ${shown(value)}`,
    );
  }
}

/** LIMIT and OFFSET, checked: offset defaults to 0, limit to none. */
export function checkWindow(window: { readonly limit?: unknown; readonly offset?: unknown }): {
  offset: number;
  limit: number | undefined;
} {
  checkCount("limit", window.limit, "no limit");
  checkCount("offset", window.offset, "offset 0");
  return { offset: (window.offset as number | undefined) ?? 0, limit: window.limit as number | undefined };
}
