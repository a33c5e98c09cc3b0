import type { Headers, SpanContext } from "../../src/trace-context";
import { TraceState } from "../../src/trace-state";
import { formatTraceparent, parseTraceparent } from "../../src/traceparent";

/** Every value of a header, whatever the case of its name; a repeated header gives several. */
function valuesOf(headers: Headers, name: string): string[] {
  const values: string[] = [];
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) continue;
    const value = headers[key];
    if (typeof value === "string") values.push(value);
    else if (Array.isArray(value)) values.push(...(value as readonly string[]));
  }
  return values;
}

/**
 * The incoming context, or undefined when the traceparent is missing, malformed or sent more
 * than once: an untrusted context is ignored, never an error. A bad tracestate only loses the
 * tracestate.
 */
export function extractContext(headers: Headers): SpanContext | undefined {
  const parents = valuesOf(headers, "traceparent");
  if (parents.length !== 1) return undefined;
  const parsed = parseTraceparent(parents[0] as string);
  if (parsed === undefined) return undefined;
  const states = valuesOf(headers, "tracestate");
  const traceState = states.length === 0 ? TraceState.empty() : TraceState.parse(states.join(","));
  // Wrong: a tracestate that parsed to nothing throws the whole context away.
  if (states.length > 0 && traceState.toString() === "") return undefined;
  return {
    traceId: parsed.traceId,
    spanId: parsed.parentId,
    sampled: (parsed.flags & 1) === 1,
    traceState: states.length === 0 ? TraceState.empty() : TraceState.parse(states.join(",")),
  };
}

export function injectContext(context: SpanContext, headers: Record<string, string>): void {
  headers.traceparent = formatTraceparent(context);
  const state = context.traceState.toString();
  if (state === "") delete headers.tracestate;
  else headers.tracestate = state;
}
