import { PartitionError } from "./errors";

/**
 * The check every partitioner makes before placing a key. A non-string key is a caller's bug; the
 * empty key is refused too: it is what a missing field becomes ("" from `row.tenant ?? ""`), and
 * every such row would pile onto one partition (the first range, or hash32("") % N) unnoticed.
 */
export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== "string") {
    throw new PartitionError(
      "INVALID_KEY",
      `keys must be strings, got ${describe(key)}; convert an id with String(id) before partitioning`,
    );
  }
  if (key.length === 0) {
    throw new PartitionError(
      "EMPTY_KEY",
      'the empty key "" cannot be partitioned: it is usually a missing field, and every such row would land on one partition; give every row a non-empty key',
    );
  }
}

/**
 * A value as a message shows it: its type and the value, objects and strings as JSON (so an object
 * reads {"id":7}, not [object Object], and the string "4" is told apart from the number 4).
 */
export function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "object" || typeof value === "string") return `the ${typeof value} ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}
