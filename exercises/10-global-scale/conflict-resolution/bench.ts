/**
 * How the set is measured. Anti-entropy is where a replicated set spends its time: every few
 * seconds a replica merges a peer's whole state, and the state grows with the set. So a merge of
 * two replicas' states into a fresh replica is what is timed: 3 replicas' adds, a quarter of them
 * removed on one side and new ones added there. The states are built as plain data, the same for
 * both sides, so setup costs nothing and measures no one's add().
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/conflict-resolution";

/** Two states of one set of `size` elements: a's adds; b after seeing them, a quarter removed and as many added. */
function twoStates(size: number): [Api.OrSetState, Api.OrSetState] {
  const quarter = Math.floor(size / 4);
  const fromA: [string, Api.Dot[]][] = Array.from({ length: size }, (_, i) => [`sku-${i}`, [["a", i + 1]]]);
  const fromB: [string, Api.Dot[]][] = Array.from({ length: quarter }, (_, i) => [`new-${i}`, [["b", i + 1]]]);
  return [
    { clock: { a: size }, entries: fromA },
    { clock: { a: size, b: quarter }, entries: [...fromA.slice(quarter), ...fromB] },
  ];
}

function mergeLoop(api: typeof Api, size: number): () => unknown {
  const [a, b] = twoStates(size);
  return () => {
    const replica = new api.OrSet("c");
    replica.merge(a);
    replica.merge(b);
    return replica.has("sku-1");
  };
}

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "OR-set merges, 2,000 elements",
      unit: "merges of two states",
      setup: (api) => mergeLoop(api, 2_000),
    },
    {
      kind: "scaling",
      name: "scaling, 100 to 5,000 elements",
      unit: "merges of two states",
      small: { label: "100 elements", setup: (api) => mergeLoop(api, 100) },
      large: { label: "5,000 elements", setup: (api) => mergeLoop(api, 5_000) },
    },
  ],
});
