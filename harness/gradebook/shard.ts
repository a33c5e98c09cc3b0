/**
 * A deterministic split of a class into n shards, so that n machines (a CI matrix) grade one each
 * and `kata gradebook merge` puts the results together. Students are dealt round-robin in name
 * order: shard sizes differ by at most one, and every machine computes the same split.
 */
import { GradebookError } from "./errors";
export interface Shard {
  /** From 1. */
  index: number;
  count: number;
}

export function parseShard(spec: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index < 1 || index > count)
    throw new GradebookError(
      "SHARD",
      `--shard ${spec} is not a shard: write i/n with 1 <= i <= n, such as 1/4 for the first of four machines`,
    );
  return { index, count };
}

/** The members of `shard`, from `all` sorted by name (the roster's order). */
export function pickShard<T extends { student: string }>(all: readonly T[], shard: Shard): T[] {
  return [...all]
    .sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0))
    .filter((_, position) => position % shard.count === shard.index - 1);
}
