/**
 * A correct OR-set with the obvious data structure: one flat list of (element, dot) pairs, and a
 * linear search of it for every question. Each merge compares every dot of one side with every
 * dot of the other: O(n x m), about 4 million comparisons for two states of 2,000 elements, where
 * maps keyed by element make it O(n + m).
 */
import { checkReplicaId, REPLICA_ID } from "../src/replica-id";
import { checkCounts, invalidState } from "../src/state-checks";

export type Dot = readonly [replica: string, counter: number];

export interface OrSetState {
  clock: Record<string, number>;
  entries: [element: string, dots: Dot[]][];
}

interface Tagged {
  element: string;
  replica: string;
  counter: number;
}

export class OrSet {
  readonly replica: string;
  private tagged: Tagged[] = [];
  private clock: Record<string, number> = {};

  constructor(replica: string) {
    this.replica = checkReplicaId(replica);
  }

  add(element: string): void {
    const counter = (this.clock[this.replica] ?? 0) + 1;
    this.clock[this.replica] = counter;
    this.tagged = this.tagged.filter((t) => t.element !== element);
    this.tagged.push({ element, replica: this.replica, counter });
  }

  remove(element: string): void {
    this.tagged = this.tagged.filter((t) => t.element !== element);
  }

  has(element: string): boolean {
    return this.tagged.some((t) => t.element === element);
  }

  get elements(): string[] {
    return [...new Set(this.tagged.map((t) => t.element))].sort();
  }

  state(): OrSetState {
    const entries: [string, Dot[]][] = [];
    for (const element of new Set(this.tagged.map((t) => t.element)))
      entries.push([
        element,
        this.tagged.filter((t) => t.element === element).map((t) => [t.replica, t.counter] as const),
      ]);
    return { clock: { ...this.clock }, entries };
  }

  merge(state: OrSetState): void {
    const theirClock = checkCounts("OrSet", "clock", state.clock);
    const theirs = parse(state, theirClock);
    const same = (a: Tagged, b: Tagged): boolean =>
      a.element === b.element && a.replica === b.replica && a.counter === b.counter;
    const kept = this.tagged.filter(
      (mine) => theirs.some((t) => same(t, mine)) || mine.counter > (theirClock[mine.replica] ?? 0),
    );
    for (const t of theirs)
      if (!kept.some((mine) => same(t, mine)) && t.counter > (this.clock[t.replica] ?? 0)) kept.push(t);
    this.tagged = kept;
    for (const [replica, counter] of Object.entries(theirClock))
      this.clock[replica] = Math.max(this.clock[replica] ?? 0, counter);
  }
}

function parse(state: OrSetState, clock: Record<string, number>): Tagged[] {
  if (!Array.isArray(state.entries))
    throw invalidState("OrSet", `entries is ${JSON.stringify(state.entries)}, not an array of pairs`);
  const tagged: Tagged[] = [];
  for (const pair of state.entries as unknown[]) {
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
      tagged.push({ element: pair[0], replica, counter: counter as number });
    }
  }
  return tagged;
}
