import type { SpanContext } from "../../src/trace-context";

let draws = 0;

/** Wrong: every span draws its own decision (a fresh draw per span, ignoring the parent and the trace id). */
export function isSampled(_parent: SpanContext | undefined, _traceId: string, ratio: number): boolean {
  draws += 1;
  return (draws * 0.6180339887498949) % 1 < ratio;
}
