/**
 * The mistake: read repair is sent, but the read does not wait for it. Every replier counts as
 * holding the newest copy as soon as the repair is on its way, so the read answers at once. If the
 * repair is lost (a partition, a crash), this read returned a value that only a minority holds,
 * and a later read of another quorum returns the older one: new, then old.
 */
import { planReadRepair as reference, type RepairPlan } from "../../src/read-repair";
import type { Versioned } from "../../src/messages";

export type { RepairPlan } from "../../src/read-repair";

export function planReadRepair(replies: readonly [string, Versioned][]): RepairPlan {
  const plan = reference(replies);
  return { ...plan, upToDate: [...plan.upToDate, ...plan.stale] };
}
