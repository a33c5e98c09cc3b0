import type { CircuitState, StateChange } from "../../src/circuit-breaker";
import type { StateCell } from "../../src/transition";

export type { StateCell } from "../../src/transition";

/** Wrong: announces the change, then makes it. A listener sees the old state. */
export function changeState(
  cell: StateCell,
  to: CircuitState,
  at: number,
  enter: () => void,
  report: ((change: StateChange) => void) | undefined,
): void {
  report?.({ from: cell.state, to, at });
  cell.state = to;
  enter();
}
