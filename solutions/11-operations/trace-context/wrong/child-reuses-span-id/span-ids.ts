import { TraceError } from "../../src/errors";
import type { IdSource, SpanContext } from "../../src/trace-context";
import { isSpanId, isTraceId } from "../../src/traceparent";

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
  // Wrong: a child reuses its parent's span id.
  return { traceId, spanId: parent === undefined ? checked(ids.spanId(), isSpanId, "span id", 16) : parent.spanId };
}
