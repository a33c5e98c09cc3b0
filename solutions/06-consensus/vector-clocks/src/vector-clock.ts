import { VectorClockError } from "./errors";

export type VectorClock = Readonly<Record<string, number>>;
export type Ordering = "before" | "after" | "equal" | "concurrent";

function checkClock(clock: unknown, name: string): asserts clock is VectorClock {
  if (typeof clock !== "object" || clock === null || Array.isArray(clock))
    throw new VectorClockError(
      "INVALID_CLOCK",
      `${name} must be an object of node id -> count, like { a: 2, b: 0 }; got ${JSON.stringify(clock)}`,
    );
  for (const [id, count] of Object.entries(clock)) {
    if (id === "" || !Number.isSafeInteger(count) || (count as number) < 0)
      throw new VectorClockError(
        "INVALID_CLOCK",
        `${name} has entry ${JSON.stringify(id)}: ${JSON.stringify(count)}; every entry must be a node id mapped to ` +
          "a whole number of events, 0 or more",
      );
  }
}

/** Entries as a Map: a node id such as "__proto__" stays a plain key. */
function entries(clock: VectorClock): Map<string, number> {
  return new Map(Object.entries(clock));
}

export function tick(clock: VectorClock, nodeId: string): VectorClock {
  if (typeof nodeId !== "string" || nodeId === "")
    throw new VectorClockError(
      "INVALID_NODE_ID",
      `tick needs the id of the node where the event happens, a non-empty string; got ${JSON.stringify(nodeId)}`,
    );
  checkClock(clock, "the clock to tick");
  const next = entries(clock);
  next.set(nodeId, (next.get(nodeId) ?? 0) + 1);
  return Object.fromEntries(next);
}

export function merge(a: VectorClock, b: VectorClock): VectorClock {
  checkClock(a, "merge's first clock");
  checkClock(b, "merge's second clock");
  const out = entries(a);
  for (const [id, count] of Object.entries(b)) if (count > (out.get(id) ?? 0)) out.set(id, count);
  return Object.fromEntries(out);
}

export function compare(a: VectorClock, b: VectorClock): Ordering {
  checkClock(a, "compare's first clock");
  checkClock(b, "compare's second clock");
  const left = entries(a);
  const right = entries(b);
  let less = false;
  let greater = false;
  // Every id either clock names: one missing from a clock counts as 0 there.
  for (const id of new Set([...left.keys(), ...right.keys()])) {
    const x = left.get(id) ?? 0;
    const y = right.get(id) ?? 0;
    if (x < y) less = true;
    else if (x > y) greater = true;
  }
  if (less) return greater ? "concurrent" : "before";
  return greater ? "after" : "equal";
}

export function happensBefore(a: VectorClock, b: VectorClock): boolean {
  return compare(a, b) === "before";
}

export function concurrent(a: VectorClock, b: VectorClock): boolean {
  return compare(a, b) === "concurrent";
}
