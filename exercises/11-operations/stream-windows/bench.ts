/**
 * How the operator is measured. A stream processor handles every event once, so its cost is paid
 * per event: the workload is a stream of clicks from 1,000 users, each clicking about every 2 time
 * units, out of order by up to 20, counted in sliding windows of 60 every 10 with an allowed
 * lateness of 10. About 9,000 windows are open at any time; most events only add to their 6
 * windows, and a few open a window or fire the ones the watermark passed. Looking at every open
 * window's timer on each event is correct and costs O(open windows); a priority queue of timers
 * costs O(log n) per window fired.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/window-operator";

const KEYS = 1_000;
const DISORDER = 20;

function slidingStream(api: typeof Api): () => unknown {
  const operator = new api.WindowOperator(
    { kind: "sliding", size: 60, slide: 10 },
    { maxOutOfOrderness: DISORDER, allowedLateness: 10 },
  );
  const keys = Array.from({ length: KEYS }, (_, k) => `user-${k}`);
  let i = 0;
  return () => {
    i += 1;
    // Time moves 0.002 per event; each event is up to DISORDER behind, in a fixed pattern.
    const time = i * 0.002 - ((i * 7) % DISORDER);
    return operator.process({ key: keys[i % KEYS] as string, time, value: i & 15 });
  };
}

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "events through sliding windows, 1,000 keys, out of order",
      unit: "events",
      setup: slidingStream,
    },
  ],
});
