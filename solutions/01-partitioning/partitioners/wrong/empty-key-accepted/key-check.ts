/**
 * The mistake: only the key's type is checked. The empty key is placed like any other: on a range
 * starting at "" or hashed to hash32("") % N, which is where every row with a missing key field
 * lands, a hot spot nobody asked for and a bug nobody sees.
 */
import { PartitionError } from "../../src/errors";
import { describe } from "../../src/key-check";

export { describe } from "../../src/key-check";

export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== "string") {
    throw new PartitionError("INVALID_KEY", `keys must be strings, got ${describe(key)}`);
  }
}
