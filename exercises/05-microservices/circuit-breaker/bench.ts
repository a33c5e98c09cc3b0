/**
 * How the breaker is measured. A breaker sits in front of every call a service makes to one
 * dependency, so its cost is paid per call: the bench times one call through a CLOSED breaker
 * (a permit, then its outcome) with the rolling window full, as it is in production after the
 * first windowMs. The clock is a plain counter the operation moves by 1 ms per call: 1,000 calls
 * a second, a 10 s window, 10,000 outcomes in it; 5% of calls fail, under the threshold, so the
 * breaker stays CLOSED and every call is the hot path.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/circuit-breaker";

/** A clock for the bench: time moves only when the operation says; no timer is ever due. */
class CountingClock {
  t = 0;
  now(): number {
    return this.t;
  }
  setTimer(): { cancel(): void } {
    return { cancel: () => undefined };
  }
}

const WINDOW_MS = 10_000;

function callsThroughClosed(api: typeof Api): () => unknown {
  const clock = new CountingClock();
  const breaker = new api.CircuitBreaker({ clock, windowMs: WINDOW_MS, minimumCalls: 100, failureRateThreshold: 0.5 });
  let i = 0;
  const call = (): unknown => {
    const permit = breaker.tryAcquire() as Api.Permit;
    if (i++ % 20 === 0) permit.failure();
    else permit.success();
    clock.t += 1;
    return permit;
  };
  for (let k = 0; k < WINDOW_MS; k++) call();
  return call;
}

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "calls through a closed breaker, 10,000 outcomes in the window",
      unit: "calls",
      setup: callsThroughClosed,
    },
  ],
});
