import { checkReplicaId, REPLICA_ID } from "./replica-id";
import { checkCounts, invalidState } from "./state-checks";
import type { VersionVector } from "./version-vector";

/** A unique tag for one add: the replica that made it and its count of adds so far. */
export type Dot = readonly [replica: string, counter: number];

export interface OrSetState {
  /** Every replica's adds this replica has seen, as counts: what tells a merge a removal from news. */
  clock: Record<string, number>;
  /** Each element present, with the dots of its adds. Pairs, not an object: any string is an element. */
  entries: [element: string, dots: Dot[]][];
}

/**
 * An observed-remove set, add-wins, without tombstones (Riak's ORSWOT): each add is tagged with a
 * dot; a remove takes away the dots this replica has seen and no others, so an add it had not seen
 * survives; and the clock of seen dots tells a merge whether a dot missing on one side was removed
 * there (seen) or never arrived (not seen). Removed elements leave nothing behind.
 */
export class OrSet {
  readonly replica: string;
  /** element -> its live dots: usually one, at most one per replica. Small arrays beat maps here. */
  private readonly entries = new Map<string, Dot[]>();
  private readonly clock = new Map<string, number>();

  constructor(replica: string) {
    this.replica = checkReplicaId(replica);
  }

  add(element: string): void {
    const counter = (this.clock.get(this.replica) ?? 0) + 1;
    this.clock.set(this.replica, counter);
    // The new dot has seen every dot this replica holds for the element: it replaces them.
    this.entries.set(element, [[this.replica, counter]]);
  }

  /** Removes the element as this replica sees it; an add elsewhere that it has not seen survives. */
  remove(element: string): void {
    this.entries.delete(element);
  }

  has(element: string): boolean {
    return this.entries.has(element);
  }

  /** The elements, sorted. */
  get elements(): string[] {
    return [...this.entries.keys()].sort();
  }

  state(): OrSetState {
    return {
      clock: Object.fromEntries(this.clock),
      entries: [...this.entries].map(([element, dots]) => [element, dots.map(([r, c]) => [r, c] as const)]),
    };
  }

  /** @throws CrdtError INVALID_STATE, having changed nothing. */
  merge(state: OrSetState): void {
    const given = state as Partial<OrSetState> | null;
    const theirClock = checkCounts("OrSet", "clock", given?.clock);
    const theirEntries = checkEntries(given?.entries, theirClock);

    // Dots only here: keep those they have not seen; the ones they have seen, they removed.
    for (const [element, dots] of this.entries) {
      const theirs = theirEntries.get(element);
      const kept = dots.filter(([r, c]) => (theirs !== undefined && holds(theirs, r, c)) || c > (theirClock[r] ?? 0));
      if (kept.length === 0) this.entries.delete(element);
      else if (kept.length !== dots.length) this.entries.set(element, kept);
    }
    // Dots only there: take those I have not seen; the ones I have seen, I removed.
    for (const [element, dots] of theirEntries) {
      const mine = this.entries.get(element);
      for (const [r, c] of dots) {
        if (c <= (this.clock.get(r) ?? 0)) continue; // seen here: held already, or removed here
        if (mine === undefined) this.entries.set(element, [[r, c]]);
        else mine.push([r, c]);
      }
    }
    for (const [replica, counter] of Object.entries(theirClock))
      if (counter > (this.clock.get(replica) ?? 0)) this.clock.set(replica, counter);
  }
}

function holds(dots: readonly Dot[], replica: string, counter: number): boolean {
  return dots.some(([r, c]) => r === replica && c === counter);
}

/** The state's entries by element, checked whole before anything is applied. Shares the caller's arrays: read only. */
function checkEntries(entries: unknown, clock: VersionVector): Map<string, readonly Dot[]> {
  if (!Array.isArray(entries))
    throw invalidState("OrSet", `entries is ${JSON.stringify(entries)}, not an array of pairs`);
  const parsed = new Map<string, readonly Dot[]>();
  for (const pair of entries as unknown[]) {
    if (!Array.isArray(pair) || typeof pair[0] !== "string" || !Array.isArray(pair[1]))
      throw invalidState("OrSet", `an entry is ${JSON.stringify(pair)}, not [element, dots]`);
    for (const dot of pair[1] as unknown[]) {
      const [replica, counter] = Array.isArray(dot) ? (dot as unknown[]) : [];
      if (
        typeof replica !== "string" ||
        !REPLICA_ID.test(replica) ||
        !Number.isSafeInteger(counter) ||
        (counter as number) < 1
      )
        throw invalidState(
          "OrSet",
          `element ${JSON.stringify(pair[0])} has dot ${JSON.stringify(dot)}, not [replica, counter]`,
        );
      if ((counter as number) > (clock[replica] ?? 0))
        throw invalidState("OrSet", `dot ${JSON.stringify(dot)} is newer than the state's own clock`);
    }
    parsed.set(pair[0], pair[1] as Dot[]);
  }
  return parsed;
}
