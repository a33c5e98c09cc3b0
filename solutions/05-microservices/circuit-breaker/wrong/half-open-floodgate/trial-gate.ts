import { TrialGate as Reference } from "../../src/trial-gate";

/** Wrong: HALF_OPEN lets every caller through; the first success still closes it. */
export class TrialGate extends Reference {
  override tryEnter(): boolean {
    super.tryEnter();
    return true;
  }
}
