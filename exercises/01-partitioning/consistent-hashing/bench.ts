/**
 * How the ring is measured. Lookups dominate a real ring's work (every request routed through it),
 * so lookups are what is timed; membership changes happen at human speed.
 */
import { defineBench } from "#kata/bench";
import { sampleKeys } from "#kata/testing";
import type * as RingModule from "./src/hash-ring";

const KEYS = sampleKeys(50_000, 7);

function lookupLoop(api: typeof RingModule, nodeCount: number): () => unknown {
  const ring = new api.HashRing();
  for (let i = 0; i < nodeCount; i++) ring.addNode(`cache-${i}`);
  let next = 0;
  return () => {
    next = next === KEYS.length - 1 ? 0 : next + 1;
    return ring.lookup(KEYS[next] as string);
  };
}

export default defineBench<typeof RingModule>({
  workloads: [
    {
      kind: "throughput",
      name: "lookup, 10 nodes",
      unit: "lookups",
      setup: (api) => lookupLoop(api, 10),
    },
    {
      kind: "scaling",
      name: "scaling, 10 to 1,000 nodes",
      unit: "lookups",
      small: { label: "10 nodes (1,600 points)", setup: (api) => lookupLoop(api, 10) },
      large: { label: "1,000 nodes (160,000 points)", setup: (api) => lookupLoop(api, 1_000) },
    },
  ],
});
