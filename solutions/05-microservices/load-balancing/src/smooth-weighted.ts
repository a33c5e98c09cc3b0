import type { Backend, Strategy } from "./backend";

/**
 * nginx's smooth weighted round robin: every pick, each healthy backend's score grows by its
 * weight; the highest score wins (the earliest in the list on a tie) and gives back the total.
 * Over any run of sum(weights) picks each backend gets exactly its weight, spread out: weights
 * 5, 1, 1 give a a b a c a a, not a a a a a b c.
 */
export class SmoothWeighted implements Strategy {
  choose(backends: readonly Backend[]): Backend | undefined {
    let best: Backend | undefined;
    let total = 0;
    for (const backend of backends) {
      if (!backend.healthy) continue;
      backend.current += backend.weight;
      total += backend.weight;
      if (best === undefined || backend.current > best.current) best = backend;
    }
    if (best !== undefined) best.current -= total;
    return best;
  }
}
