import { TraceError } from "./errors";
import { extractContext, injectContext } from "./propagation";
import { isSampled } from "./sampler";
import { idsFor } from "./span-ids";
import { NonRecordingSpan, RecordingSpan } from "./spans";
import { TraceState } from "./trace-state";

export { TraceState } from "./trace-state";
export { formatTraceparent, parseTraceparent } from "./traceparent";

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
 * traceparent and tracestate headers. Ids, sampling, propagation and spans each live in a module.
 */
export class Tracer {
  private readonly clock: { now(): number };
  private readonly ids: IdSource;
  private readonly ratio: number;
  private readonly done: FinishedSpan[] = [];

  constructor(options: TracerOptions) {
    const ratio = options.sampleRatio;
    if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1)
      throw new TraceError(
        "INVALID_OPTION",
        `sampleRatio must be a share from 0 to 1 (0.01 samples one trace in a hundred), got ${String(ratio)}`,
      );
    this.clock = options.clock;
    this.ids = options.ids;
    this.ratio = ratio;
  }

  extract(headers: Headers): SpanContext | undefined {
    return extractContext(headers);
  }

  inject(context: SpanContext, headers: Record<string, string>): void {
    injectContext(context, headers);
  }

  startSpan(name: string, parent?: SpanContext): Span {
    const { traceId, spanId } = idsFor(parent, this.ids);
    const context: SpanContext = {
      traceId,
      spanId,
      sampled: isSampled(parent, traceId, this.ratio),
      traceState: parent?.traceState ?? TraceState.empty(),
    };
    const parentSpanId = parent?.spanId;
    if (!context.sampled) return new NonRecordingSpan(context, parentSpanId);
    return new RecordingSpan(name, context, parentSpanId, this.clock, (span) => this.done.push(span));
  }

  finished(): readonly FinishedSpan[] {
    return [...this.done];
  }
}
