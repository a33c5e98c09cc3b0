import { TraceError } from "./errors";
import type { FinishedSpan, Span, SpanContext } from "./trace-context";

function alreadyEnded(context: SpanContext): TraceError {
  return new TraceError(
    "SPAN_ALREADY_ENDED",
    `span ${context.spanId} has already ended; call end() once, when its work is done`,
  );
}

/** A span of a sampled trace: it keeps its attributes and reports itself when it ends. */
export class RecordingSpan implements Span {
  private readonly attributes: Record<string, string | number | boolean> = {};
  private readonly start: number;
  private ended = false;

  constructor(
    private readonly name: string,
    readonly context: SpanContext,
    readonly parentSpanId: string | undefined,
    private readonly clock: { now(): number },
    private readonly report: (span: FinishedSpan) => void,
  ) {
    this.start = clock.now();
  }

  setAttribute(key: string, value: string | number | boolean): void {
    if (!this.ended) this.attributes[key] = value;
  }

  end(): void {
    if (this.ended) throw alreadyEnded(this.context);
    this.ended = true;
    this.report({
      name: this.name,
      traceId: this.context.traceId,
      spanId: this.context.spanId,
      parentSpanId: this.parentSpanId,
      start: this.start,
      end: this.clock.now(),
      attributes: { ...this.attributes },
    });
  }
}

/**
 * A span of a trace not sampled: it carries its context to children and downstream services,
 * and records nothing. Head sampling saves the recording, not just the export.
 */
export class NonRecordingSpan implements Span {
  private ended = false;

  constructor(
    readonly context: SpanContext,
    readonly parentSpanId: string | undefined,
  ) {}

  setAttribute(): void {
    // Nothing is recorded for a trace that is not sampled.
  }

  end(): void {
    if (this.ended) throw alreadyEnded(this.context);
    this.ended = true;
  }
}
