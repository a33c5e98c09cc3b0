/**
 * The mistake: the source is deleted as soon as the copy is verified, before the switch ("the copy
 * is good, clean up"). Until the switch the source is where the key's reads go, so a read between
 * the delete and the switch finds nothing.
 */
import type { StepAction } from "../../src/migration";

export { afterClientWrite, hasSwitched } from "../../src/move-steps";

export const STEP_ORDER: readonly StepAction[] = ["copy", "verify", "delete", "switch"];
