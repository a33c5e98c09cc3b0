import { TraceError } from "./errors";
import type { IdSource, SpanContext } from "./trace-context";
import { isSpanId, isTraceId } from "./traceparent";

function checked(id: string, valid: (id: string) => boolean, what: string, digits: number): string {
  if (typeof id !== "string" || !valid(id))
    throw new TraceError(
      "INVALID_ID",
      `the id source gave ${JSON.stringify(id)} as a ${what}; it must be ${digits} lowercase hex digits, not all zeros`,
    );
  return id;
}

/** A child keeps its parent's trace id and gets a span id of its own; a root gets both new. */
export function idsFor(parent: SpanContext | undefined, ids: IdSource): { traceId: string; spanId: string } {
  const traceId = parent === undefined ? checked(ids.traceId(), isTraceId, "trace id", 32) : parent.traceId;
  return { traceId, spanId: checked(ids.spanId(), isSpanId, "span id", 16) };
}
