import type { SpanContext, TraceParent } from "../../src/trace-context";

// Wrong: any case, and all-zero ids accepted.
const HEX2 = /^[0-9a-f]{2}$/i;
const TRACE_ID = /^[0-9a-f]{32}$/i;
const SPAN_ID = /^[0-9a-f]{16}$/i;
/** "00-" + 32 + "-" + 16 + "-" + 2. */
const LENGTH = 55;

export function isTraceId(id: string): boolean {
  return TRACE_ID.test(id);
}

export function isSpanId(id: string): boolean {
  return SPAN_ID.test(id);
}

/**
 * W3C traceparent: fixed positions, lowercase hex only. A later version may append fields after a
 * "-"; version 00 may not, and ff is never valid.
 */
export function parseTraceparent(value: string): TraceParent | undefined {
  if (typeof value !== "string" || value.length < LENGTH) return undefined;
  const version = value.slice(0, 2);
  if (!HEX2.test(version) || version === "ff") return undefined;
  if (version === "00" ? value.length !== LENGTH : value.length > LENGTH && value[LENGTH] !== "-") return undefined;
  if (value[2] !== "-" || value[35] !== "-" || value[52] !== "-") return undefined;
  const traceId = value.slice(3, 35);
  const parentId = value.slice(36, 52);
  const flags = value.slice(53, 55);
  if (!isTraceId(traceId) || !isSpanId(parentId) || !HEX2.test(flags)) return undefined;
  return { version: parseInt(version, 16), traceId, parentId, flags: parseInt(flags, 16) };
}

export function formatTraceparent(context: SpanContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.sampled ? "01" : "00"}`;
}
