/**
 * The mistake: a key switches to its target right after the copy, with no verify before it ("the
 * copy just ran, it must be equal"). A write that reached the source between the copy and the
 * switch is not on the target, and the switch loses it.
 */
import type { StepAction } from "../../src/migration";

export { hasSwitched } from "../../src/move-steps";

export const STEP_ORDER: readonly StepAction[] = ["copy", "switch", "delete"];

/** With no verify there is nothing to go back to: a write leaves the key's progress as it was. */
export function afterClientWrite(done: number): number {
  return done;
}
