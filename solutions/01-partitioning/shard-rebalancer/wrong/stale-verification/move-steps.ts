/**
 * The mistake: a verify counts for good. A key written after its verify and before its switch goes
 * on to switch with the verification made before the write, so the write, which reached only the
 * source, is lost.
 */
export { hasSwitched, STEP_ORDER } from "../../src/move-steps";

export function afterClientWrite(done: number): number {
  return done;
}
