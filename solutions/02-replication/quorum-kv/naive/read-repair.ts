/**
 * The naive read: the textbook second phase of Attiya, Bar-Noy and Dolev's algorithm, run on every
 * read. The newest copy is written back to every replica that answered, up to date or not, and
 * the read waits for their acknowledgements. Correct (the newest copy is on a quorum before the
 * read answers) and simple, but every read pays a second round trip and its messages even when
 * all the copies agreed, which on a read-mostly load is nearly always. Only this module is
 * replaced; the rest of the reference stands.
 */
import { planReadRepair as reference, type RepairPlan } from "../src/read-repair";
import type { Versioned } from "../src/messages";

export type { RepairPlan } from "../src/read-repair";

export function planReadRepair(replies: readonly [string, Versioned][]): RepairPlan {
  const plan = reference(replies);
  if (plan.newest.value === null) return plan; // no replica holds anything: nothing to write back
  return { newest: plan.newest, upToDate: [], stale: replies.map(([replica]) => replica) };
}
