/**
 * How the partitioners are measured. Every read and write of a partitioned store asks the
 * partitioner first, so lookups are what is timed; building a partitioner happens once per change
 * of the partition map, at human speed.
 *
 * The range table is built from real-looking keys (user ids, emails, order numbers) split at
 * evenly spaced quantiles, as a store that splits ranges by size ends up; the first range starts
 * at "" and the last has no end, so every key is covered and only the search is timed.
 */
import { defineBench } from "#kata/bench";
import { sampleKeys } from "#kata/testing";
import type * as Api from "./src/partitioners";

type PartitionersApi = typeof Api;

const KEYS = sampleKeys(20_000, 7);
/** Where ranges start: distinct keys of another sample, sorted; quantiles of it make the bounds. */
const BOUNDS = [...new Set(sampleKeys(20_000, 8))].sort();

/** `count` contiguous ranges covering every key: ["", b1), [b1, b2), ..., [b(count-1), ...). */
function rangesOf(count: number): Api.KeyRange[] {
  const starts = Array.from({ length: count }, (_, i) =>
    i === 0 ? "" : (BOUNDS[Math.floor((i * BOUNDS.length) / count)] as string),
  );
  return starts.map((start, i) => (i === count - 1 ? { start } : { start, end: starts[i + 1] as string }));
}

function lookupLoop(partitioner: Api.Partitioner): () => number {
  let next = 0;
  return () => {
    next = next === KEYS.length - 1 ? 0 : next + 1;
    return partitioner.partitionFor(KEYS[next] as string);
  };
}

export default defineBench<PartitionersApi>({
  workloads: [
    {
      kind: "throughput",
      name: "range lookups, 1,000 ranges",
      unit: "lookups",
      setup: (api) => lookupLoop(new api.RangePartitioner(rangesOf(1_000))),
    },
    {
      kind: "scaling",
      name: "scaling, 10 to 10,000 ranges",
      unit: "lookups",
      small: { label: "10 ranges", setup: (api) => lookupLoop(new api.RangePartitioner(rangesOf(10))) },
      large: { label: "10,000 ranges", setup: (api) => lookupLoop(new api.RangePartitioner(rangesOf(10_000))) },
    },
    {
      kind: "throughput",
      name: "hash lookups, 16 partitions",
      unit: "lookups",
      setup: (api) => lookupLoop(new api.HashPartitioner(16)),
    },
  ],
});
