import type { CircuitState, StateChange } from "../../src/circuit-breaker";
import type { StateCell } from "../../src/transition";

export type { StateCell } from "../../src/transition";

/** Wrong: the quiet move OPEN -> HALF_OPEN, made by a timer with no call in sight, is never reported. */
export function changeState(
  cell: StateCell,
  to: CircuitState,
  at: number,
  enter: () => void,
  report: ((change: StateChange) => void) | undefined,
): void {
  const from = cell.state;
  cell.state = to;
  enter();
  if (to !== "HALF_OPEN") report?.({ from, to, at });
}
