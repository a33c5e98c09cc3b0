import { notImplemented } from "#kata";
import { TraceError } from "./errors";
// TraceError is what the finished tracer throws (see each method).

/** What travels between services: which trace, which span is the parent, and whether it is sampled. */
export interface SpanContext {
  /** 32 lowercase hex digits, not all zeros. */
  readonly traceId: string;
  /** 16 lowercase hex digits, not all zeros. */
  readonly spanId: string;
  /** The sampled flag (bit 0 of trace-flags): whether this trace is being recorded. */
  readonly sampled: boolean;
  readonly traceState: TraceState;
}

/** The parts of a valid traceparent header value. */
export interface TraceParent {
  readonly version: number;
  readonly traceId: string;
  readonly parentId: string;
  /** trace-flags as a number, 0-255. */
  readonly flags: number;
}

/**
 * Parses a traceparent header value: `version-traceid-parentid-flags`, lowercase hex, 2-32-16-2
 * digits. Returns undefined for anything invalid (never throws): version ff, uppercase, all-zero
 * ids, wrong lengths; for version 00 exactly four fields; for a later version, the first four
 * fields, with anything after them allowed only after a "-".
 */
export function parseTraceparent(value: string): TraceParent | undefined {
  return notImplemented("parseTraceparent");
}

/** Formats a span context as a version 00 traceparent: `00-<traceId>-<spanId>-<01 or 00>`. */
export function formatTraceparent(context: SpanContext): string {
  return notImplemented("formatTraceparent");
}

/**
 * The tracestate header: vendors' key=value entries, the most recently changed first, at most 32.
 * Immutable: set() and delete() return a new TraceState.
 */
export class TraceState {
  /**
   * Parses a tracestate header value (or several, joined with ","). Empty entries and spaces
   * around entries are ignored. If any entry breaks the grammar, or a key appears twice, the whole
   * header is discarded: the result is empty. More than 32 entries: also discarded.
   */
  static parse(header: string | undefined): TraceState {
    return notImplemented("TraceState.parse");
  }

  /** An empty tracestate. */
  static empty(): TraceState {
    return notImplemented("TraceState.empty");
  }

  /** The value for a key, or undefined. */
  get(key: string): string | undefined {
    return notImplemented("TraceState.get");
  }

  /**
   * Adds or updates an entry and moves it to the front; when that makes 33 entries, the last one
   * is dropped.
   * @throws TraceError INVALID_TRACESTATE_ENTRY for a key or value the grammar does not allow.
   */
  set(key: string, value: string): TraceState {
    return notImplemented("TraceState.set");
  }

  /** Removes an entry (nothing happens if it is not there). */
  delete(key: string): TraceState {
    return notImplemented("TraceState.delete");
  }

  /** The entries, front first. */
  entries(): [string, string][] {
    return notImplemented("TraceState.entries");
  }

  /** The header value: `key=value` entries joined with ",", front first; "" when empty. */
  toString(): string {
    return notImplemented("TraceState.toString");
  }
}

/** Where new ids come from: injected, so tests and replays are deterministic. */
export interface IdSource {
  /** 32 lowercase hex digits, not all zeros. */
  traceId(): string;
  /** 16 lowercase hex digits, not all zeros. */
  spanId(): string;
}

/** Header names in any case; a header sent twice arrives as an array. */
export type Headers = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A span as recorded once it ended. */
export interface FinishedSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  /** The parent's span id; undefined for a root span. */
  readonly parentSpanId: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

/** One unit of work. A span of a trace that is not sampled records nothing, but still propagates. */
export interface Span {
  readonly context: SpanContext;
  readonly parentSpanId: string | undefined;
  setAttribute(key: string, value: string | number | boolean): void;
  /** @throws TraceError SPAN_ALREADY_ENDED on a second call. */
  end(): void;
}

export interface TracerOptions {
  readonly clock: { now(): number };
  readonly ids: IdSource;
  /**
   * The share of new traces to sample, in [0, 1]. Decided once, at the root, from the trace id,
   * so every service that sees the id agrees: sampled when the trace id's last 13 hex digits, read
   * as a number and divided by 2^52, are below the ratio.
   */
  readonly sampleRatio: number;
}

/**
 * Creates spans, links children to parents, and carries the context across services in the W3C
 * traceparent and tracestate headers.
 */
export class Tracer {
  /** @throws TraceError INVALID_OPTION for a ratio outside [0, 1]. */
  constructor(options: TracerOptions) {
    notImplemented("new Tracer()");
  }

  /**
   * The incoming context from request headers (names in any case), or undefined when there is no
   * valid one: a missing, malformed or repeated traceparent. An invalid tracestate is dropped and
   * the traceparent kept.
   */
  extract(headers: Headers): SpanContext | undefined {
    return notImplemented("Tracer.extract");
  }

  /** Writes `traceparent` (version 00) and, when not empty, `tracestate` into outgoing headers. */
  inject(context: SpanContext, headers: Record<string, string>): void {
    notImplemented("Tracer.inject");
  }

  /**
   * Starts a span: a child of `parent` (same trace id, a new span id, the parent's sampled flag and
   * tracestate), or without one the root of a new trace (new ids, sampled by the ratio).
   * @throws TraceError INVALID_ID when the id source gives a malformed id.
   */
  startSpan(name: string, parent?: SpanContext): Span {
    return notImplemented("Tracer.startSpan");
  }

  /** The spans of sampled traces that have ended, in the order they ended. */
  finished(): readonly FinishedSpan[] {
    return notImplemented("Tracer.finished");
  }
}
