/**
 * How the ring is measured. Lookups dominate a real ring's work (every request routed through it),
 * so lookups are what is timed; membership changes happen at human speed.
 */
import { defineBench } from "#kata/bench";
import { sampleKeys } from "#kata/testing";
import { npmHashring, type RingApi } from "./peers";

const KEYS = sampleKeys(50_000, 7);

function lookupLoop(api: RingApi, nodeCount: number): () => unknown {
  const ring = new api.HashRing();
  for (let i = 0; i < nodeCount; i++) ring.addNode(`cache-${i}`);
  let next = 0;
  return () => {
    next = next === KEYS.length - 1 ? 0 : next + 1;
    return ring.lookup(KEYS[next] as string);
  };
}

/** The busiest node's share of the keys over the mean share: 1 is a perfectly even ring. */
function loadSpread(api: RingApi): number {
  const ring = new api.HashRing();
  for (let i = 0; i < 10; i++) ring.addNode(`cache-${i}`);
  const counts = new Map<string, number>();
  for (const key of KEYS) counts.set(ring.lookup(key), (counts.get(ring.lookup(key)) ?? 0) + 1);
  return Math.max(...counts.values()) / (KEYS.length / 10);
}

export default defineBench<RingApi>({
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
  peers: [{ name: "hashring 3 (npm)", api: npmHashring }],
  figures: [{ name: "load spread, 10 nodes", unit: "busiest node's keys / mean", measure: loadSpread }],
});
