import type { Decision, Strategy } from "../src/global-load-balancer";

/**
 * Naive: keeps nothing, so every route() scores every region. Correct, and O(regions) per
 * request where the reference answers most requests from its table.
 */
export class DecisionCache {
  get(_location: string, _strategy: Strategy, _allowed: readonly string[] | undefined): Decision | undefined {
    return undefined;
  }

  set(_location: string, _strategy: Strategy, _allowed: readonly string[] | undefined, _decision: Decision): void {
    // Nothing kept.
  }

  clear(): void {
    // Nothing to clear.
  }
}
