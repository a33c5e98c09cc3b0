import type { CircuitState, StateChange } from "./circuit-breaker";

/** The breaker's state, in a cell of its own so that one function changes it. */
export interface StateCell {
  state: CircuitState;
}

/**
 * Moves the breaker to `to`: the state first, then what the new state needs (`enter`: a timer, an
 * empty window, a fresh trial count), and only then the report, so a listener that looks at the
 * breaker, or calls through it, sees the state it was told of.
 */
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
  report?.({ from, to, at });
}
