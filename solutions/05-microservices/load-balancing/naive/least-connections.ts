import type { Backend, Strategy } from "../src/backend";

/**
 * Naive: scans every backend on every pick. Correct, and O(n) per pick where the reference's
 * heap is O(log n).
 */
export class LeastConnections implements Strategy {
  choose(backends: readonly Backend[]): Backend | undefined {
    let best: Backend | undefined;
    for (const backend of backends)
      if (backend.healthy && (best === undefined || backend.inFlight < best.inFlight)) best = backend;
    return best;
  }
}
