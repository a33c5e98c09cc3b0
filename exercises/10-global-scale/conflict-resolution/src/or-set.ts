import { notImplemented } from "#kata";

/** A unique tag for one add: the replica that made it and that replica's count of adds so far (1, 2, ...). */
export type Dot = readonly [replica: string, counter: number];

/** What a set replica sends to the others. */
export interface OrSetState {
  /** For each replica, how many of its adds this one has seen: what tells a merge a removal from news. */
  clock: Record<string, number>;
  /** Each element present, with the dots of its adds. Pairs, not an object: any string is an element. */
  entries: [element: string, dots: Dot[]][];
}

/**
 * An observed-remove set that favours adds (add-wins), without tombstones:
 *   - every add gets a fresh dot from this replica's counter;
 *   - a remove takes away the dots this replica has seen for the element, and only those, so a
 *     concurrent add elsewhere survives it;
 *   - a merge keeps a dot present on both sides; a dot present on one side only is kept unless the
 *     other side's clock shows it has seen that dot (then it was removed there);
 *   - a removed element leaves nothing behind: the clock alone remembers what was seen.
 */
export class OrSet {
  readonly replica: string;

  /** @throws CrdtError INVALID_REPLICA_ID */
  constructor(replica: string) {
    this.replica = replica;
    notImplemented(`new OrSet(${JSON.stringify(replica)})`);
  }

  add(element: string): void {
    notImplemented(`OrSet.add(${JSON.stringify(element)})`);
  }

  /** Removes the element as this replica sees it; removing an absent element does nothing. */
  remove(element: string): void {
    notImplemented(`OrSet.remove(${JSON.stringify(element)})`);
  }

  has(element: string): boolean {
    return notImplemented(`OrSet.has(${JSON.stringify(element)})`);
  }

  /** The elements present, sorted (plain string order). */
  get elements(): string[] {
    return notImplemented("OrSet.elements");
  }

  state(): OrSetState {
    return notImplemented("OrSet.state");
  }

  /**
   * Joins another replica's state into this one. Keeps no reference to `state`.
   * @throws CrdtError INVALID_STATE (a malformed entry, a dot newer than the state's own clock),
   *   having changed nothing.
   */
  merge(state: OrSetState): void {
    notImplemented("OrSet.merge");
  }
}
