import type { StepAction } from "./migration";

/**
 * The order of one key's steps, and what a write does to a key part-way through them. A key's
 * progress is the number of its steps done, so `STEP_ORDER[done]` is its next step.
 *
 * - The copy must be verified before the switch: a write that reached the source after the copy
 *   would otherwise be lost when reads move to the target.
 * - The source is deleted only after the switch: until then the source is where reads go.
 */
export const STEP_ORDER: readonly StepAction[] = ["copy", "verify", "switch", "delete"];

/** True once the key has switched: its reads and writes go to the target. */
export function hasSwitched(done: number, order: readonly StepAction[]): boolean {
  return done > order.indexOf("switch");
}

/**
 * The key's progress after a client write or delete. The write went to the source (the key has not
 * switched) or to the target (it has). A verify done before the write no longer holds: a key
 * verified but not yet switched goes back to verify, which will find the copy differs.
 */
export function afterClientWrite(done: number, order: readonly StepAction[]): number {
  const verify = order.indexOf("verify");
  return done > verify && !hasSwitched(done, order) ? verify : done;
}
