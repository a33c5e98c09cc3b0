import type { SpanContext } from "./trace-context";

const TWO_TO_52 = 2 ** 52;

/**
 * Head sampling that keeps whole traces: the root decides from its trace id (the last 13 hex
 * digits, 52 bits, exact in a double), so every service that sees the id decides alike, and
 * every other span follows its parent's flag.
 */
export function isSampled(parent: SpanContext | undefined, traceId: string, ratio: number): boolean {
  if (parent !== undefined) return parent.sampled;
  return parseInt(traceId.slice(-13), 16) / TWO_TO_52 < ratio;
}
