/**
 * The one message of causal broadcast (given code: the wire format the tests speak).
 *
 * A broadcast carries its origin's stamp: the origin's delivered vector at the moment it
 * broadcast, with its own entry counting this broadcast. `stamp[origin]` is the broadcast's number
 * among its origin's (1, 2, 3...), so (origin, stamp[origin]) names it uniquely; every other entry
 * says how many of that node's broadcasts the origin had delivered first: its causal past.
 */
import type { VectorClock } from "./vector-clock";

export interface Broadcast {
  type: "Broadcast";
  origin: string;
  stamp: VectorClock;
  payload: string;
}

export type CausalMessage = Broadcast;

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** True for a well-formed message; anything else from the network is to be ignored. */
export function isCausalMessage(value: unknown): value is CausalMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type !== "Broadcast" || typeof m.origin !== "string" || m.origin === "" || typeof m.payload !== "string")
    return false;
  const stamp = m.stamp;
  if (typeof stamp !== "object" || stamp === null || Array.isArray(stamp)) return false;
  const entries = Object.entries(stamp);
  if (!entries.every(([id, n]) => id !== "" && isCount(n))) return false;
  const own = (stamp as Record<string, unknown>)[m.origin];
  return typeof own === "number" && own >= 1;
}
