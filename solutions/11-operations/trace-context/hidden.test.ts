/** Grading-only tests: the header grammar at its limits, and propagation across several services. */
import fc from "fast-check";
import { ManualClock, codeOf, ensure, messageOf, propertySettings, testSeed } from "#kata/testing";
import { TraceError } from "./src/errors";
import type { IdSource } from "./src/trace-context";
import { TraceState, Tracer, formatTraceparent, parseTraceparent, type SpanContext } from "./src/trace-context";
import { SeededIds } from "./seeded-ids";

const hex = (n: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("traceparent at its limits", () => {
  test("format and parse are inverse for every valid context", () => {
    fc.assert(
      fc.property(hex(32), hex(16), fc.boolean(), (traceId, spanId, sampled) => {
        fc.pre(!/^0+$/.test(traceId) && !/^0+$/.test(spanId));
        const context: SpanContext = { traceId, spanId, sampled, traceState: TraceState.empty() };
        const parsed = parseTraceparent(formatTraceparent(context));
        ensure(
          parsed !== undefined &&
            parsed.traceId === traceId &&
            parsed.parentId === spanId &&
            (parsed.flags & 1) === Number(sampled),
          `${formatTraceparent(context)} did not parse back to its own ids and flag: ${JSON.stringify(parsed)}`,
        );
      }),
      propertySettings(200),
    );
  });

  test("any one character changed to something outside lowercase hex makes a header invalid", () => {
    const valid = `00-${TRACE}-${SPAN}-01`;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: valid.length - 1 }),
        fc.constantFrom("G", "A", "F", "-", " ", "x", "Z"),
        (at, ch) => {
          fc.pre(valid[at] !== ch);
          const broken = valid.slice(0, at) + ch + valid.slice(at + 1);
          ensure(
            parseTraceparent(broken) === undefined,
            `"${broken}" (character ${at} changed to "${ch}") was accepted`,
          );
        },
      ),
      propertySettings(200),
    );
  });

  test("other flag bits do not hide the sampled bit, and inject sends only what it knows", () => {
    const t = new Tracer({ clock: new ManualClock(), ids: new SeededIds(testSeed()), sampleRatio: 0 });
    const context = t.extract({ traceparent: [`00-${TRACE}-${SPAN}-03`] });
    expect(context?.sampled).toBe(true);
    const headers: Record<string, string> = {};
    t.inject(t.startSpan("next", context).context, headers);
    expect(headers.traceparent?.endsWith("-01")).toBe(true);
    expect(t.extract({ traceparent: `00-${TRACE}-${SPAN}-02` })?.sampled).toBe(false);
  });
});

describe("tracestate at its limits", () => {
  test("keys and values at their maximum lengths are valid, one more is not", () => {
    const key256 = `a${"b".repeat(255)}`;
    const tenant = `${"1".repeat(241)}@${"s".repeat(14)}`;
    const value256 = "v".repeat(256);
    expect(TraceState.parse(`${key256}=1,${tenant}=2,k=${value256}`).entries().length).toBe(3);
    for (const bad of [
      `a${"b".repeat(256)}=1`,
      `${"1".repeat(242)}@s=1`,
      `t@${"s".repeat(15)}=1`,
      `k=${"v".repeat(257)}`,
    ])
      ensure(
        TraceState.parse(bad).toString() === "",
        `tracestate "${bad.slice(0, 30)}..." (${bad.length} characters) is over a limit and must be discarded`,
      );
  });

  test("32 entries are kept, 33 discard the header; set and delete return new states", () => {
    const header32 = Array.from({ length: 32 }, (_, i) => `k${i}=${i}`).join(",");
    const state = TraceState.parse(header32);
    expect(state.entries().length).toBe(32);
    const removed = state.delete("k5");
    expect(removed.entries().length).toBe(31);
    expect(state.get("k5")).toBe("5");
    expect(state.delete("absent")).toBe(state);
    expect(state.set("k31", "x").toString().startsWith("k31=x,k0=0")).toBe(true);
  });
});

describe("a trace across three services", () => {
  test("every span of the trace links to its parent, and only the sampled trace is recorded", () => {
    const clock = new ManualClock();
    const services = [0, 1, 2].map((i) => new Tracer({ clock, ids: new SeededIds(testSeed() + i), sampleRatio: 1 }));
    const [edge, middle, last] = services as [Tracer, Tracer, Tracer];
    const root = edge.startSpan("edge");
    const out1: Record<string, string> = {};
    edge.inject(root.context, out1);
    const atMiddle = middle.startSpan("middle", middle.extract(out1));
    const out2: Record<string, string> = {};
    middle.inject({ ...atMiddle.context, traceState: atMiddle.context.traceState.set("mid", "1") }, out2);
    const atLast = last.startSpan("last", last.extract(out2));
    for (const span of [atLast, atMiddle, root]) span.end();
    const chain = [root, atMiddle, atLast];
    ensure(
      new Set(chain.map((s) => s.context.traceId)).size === 1 &&
        atMiddle.parentSpanId === root.context.spanId &&
        atLast.parentSpanId === atMiddle.context.spanId &&
        atLast.context.traceState.get("mid") === "1",
      `across three services the spans were ${chain.map((s) => `${s.context.traceId.slice(0, 6)}/${s.context.spanId}<-${s.parentSpanId ?? "root"}`).join(", ")}; ` +
        "each hop keeps the trace id, and each span's parent is the span that made the call",
    );
  });

  test("a finished span keeps the attributes it had when it ended", () => {
    const t = new Tracer({ clock: new ManualClock(), ids: new SeededIds(testSeed()), sampleRatio: 1 });
    const span = t.startSpan("s");
    span.setAttribute("a", 1);
    span.end();
    span.setAttribute("b", 2);
    expect(t.finished()[0]?.attributes).toEqual({ a: 1 });
  });
});

describe("grading-only edges", () => {
  test("tracestate: inner spaces kept, runs of outer spaces and tabs trimmed, an entry without = discards the header", () => {
    expect(TraceState.parse("a=hello world").get("a")).toBe("hello world");
    expect(TraceState.parse(" \t a=1 \t ,  b=2  ").entries()).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
    expect(TraceState.parse("a=1,abc").toString()).toBe("");
  });

  test("set() refuses values and ids that are not strings of the grammar", () => {
    expect(codeOf(TraceError, () => TraceState.empty().set("k", 5 as unknown as string))).toBe(
      "INVALID_TRACESTATE_ENTRY",
    );
    expect(messageOf(TraceError, () => TraceState.empty().set("Bad", "1"))).toMatch(
      /tracestate key "Bad" is not valid/,
    );
    expect(messageOf(TraceError, () => TraceState.empty().set("ok", "a=b"))).toMatch(
      /tracestate value "a=b" for ok is not valid/,
    );
    const clock = new ManualClock();
    for (const [traceId, spanId] of [
      [`${TRACE}0`, SPAN],
      [`g${TRACE.slice(1)}`, SPAN],
      [TRACE, `${SPAN}0`],
      [TRACE, `g${SPAN.slice(1)}`],
    ] as const) {
      const ids: IdSource = { traceId: () => traceId, spanId: () => spanId };
      const message = messageOf(TraceError, () => new Tracer({ clock, ids, sampleRatio: 1 }).startSpan("s"));
      ensure(
        /the id source gave ".*" as a (trace|span) id; it must be (32|16) lowercase hex digits/.test(message),
        `ids ${traceId} / ${spanId} were refused with "${message}"; say which id and what it must be`,
      );
    }
  });

  test("sampling is strict at the ratio, and bad ratios are refused", () => {
    const half = `${"a".repeat(19)}8000000000000`;
    const ids: IdSource = { traceId: () => half, spanId: () => SPAN };
    const sampled = new Tracer({ clock: new ManualClock(), ids, sampleRatio: 0.5 }).startSpan("s").context.sampled;
    ensure(
      !sampled,
      `a trace id whose last 13 digits read 2^51 (exactly 0.5 of 2^52) was sampled at ratio 0.5; sampled means strictly below the ratio`,
    );
    for (const ratio of [Number.NaN, -0.1, 1.01])
      expect(messageOf(TraceError, () => new Tracer({ clock: new ManualClock(), ids, sampleRatio: ratio }))).toMatch(
        /sampleRatio must be a share from 0 to 1/,
      );
  });

  test("an unsampled span can be ended only once too", () => {
    const t = new Tracer({ clock: new ManualClock(), ids: new SeededIds(testSeed()), sampleRatio: 0 });
    const span = t.startSpan("quiet");
    span.end();
    expect(messageOf(TraceError, () => span.end())).toMatch(/has already ended; call end\(\) once/);
  });

  test("parseTraceparent of something that is not a string gives undefined", () => {
    expect(parseTraceparent(undefined as unknown as string)).toBeUndefined();
    expect(parseTraceparent(55 as unknown as string)).toBeUndefined();
  });
});
