/**
 * The mistake: a key past the last range is quietly given to the last partition instead of being
 * refused, like the quick sketch's `return "shard_0"` default. Nothing fails at write time; the
 * row sits on a partition whose range does not hold it, where a range scan or a later split that
 * routes by the rules will never look.
 */
import { rangeIndexFor as reference } from "../../src/range-search";

export function rangeIndexFor(starts: readonly string[], ends: readonly (string | undefined)[], key: string): number {
  const i = reference(starts, ends, key);
  const last = starts.length - 1;
  return i === -1 && key >= (starts[last] as string) ? last : i;
}
