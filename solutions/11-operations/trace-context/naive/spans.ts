import { RecordingSpan } from "../src/spans";
import type { FinishedSpan, Span, SpanContext } from "../src/trace-context";

export { RecordingSpan };

/**
 * Naive: a span of an unsampled trace is recorded like any other (timestamps, attributes, a
 * finished record) and thrown away when it ends. Correct, and it pays for all the recording
 * that head sampling exists to skip.
 */
export class NonRecordingSpan implements Span {
  private readonly inner: RecordingSpan;

  constructor(
    readonly context: SpanContext,
    readonly parentSpanId: string | undefined,
  ) {
    this.inner = new RecordingSpan("", context, parentSpanId, { now: () => Date.now() }, (span: FinishedSpan) => {
      void span; // filtered out: the trace is not sampled
    });
  }

  setAttribute(key: string, value: string | number | boolean): void {
    this.inner.setAttribute(key, value);
  }

  end(): void {
    this.inner.end();
  }
}
