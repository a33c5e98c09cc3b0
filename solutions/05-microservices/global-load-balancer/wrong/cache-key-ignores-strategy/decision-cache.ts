import type { Decision, Strategy } from "../../src/global-load-balancer";

/** Far above what real traffic asks for (locations x strategies x residency lists), so hits stay high. */
const MAX_ENTRIES = 10_000;

/** Wrong: the strategy is not in the key. */
export class DecisionCache {
  private readonly byLocation = new Map<string, Map<string, Decision>>();
  private size = 0;

  get(location: string, strategy: Strategy, allowed: readonly string[] | undefined): Decision | undefined {
    return this.byLocation.get(location)?.get(entryKey(strategy, allowed));
  }

  set(location: string, strategy: Strategy, allowed: readonly string[] | undefined, decision: Decision): void {
    if (this.size >= MAX_ENTRIES) this.clear();
    let entries = this.byLocation.get(location);
    if (entries === undefined) {
      entries = new Map();
      this.byLocation.set(location, entries);
    }
    entries.set(entryKey(strategy, allowed), decision);
    this.size += 1;
  }

  clear(): void {
    this.byLocation.clear();
    this.size = 0;
  }
}

/** Jurisdiction names are letters, digits, "-" and "_" (validated), so "," cannot collide. */
function entryKey(strategy: Strategy, allowed: readonly string[] | undefined): string {
  return allowed === undefined ? "*" : allowed.join(",");
}
