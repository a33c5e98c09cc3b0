import { ManualClock, codeOf, ensure, testSeed } from "#kata/testing";
import { TraceError } from "./src/errors";
import { TraceState, Tracer, parseTraceparent, type IdSource, type SpanContext } from "./src/trace-context";
import { SeededIds } from "./seeded-ids";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";
const VALID = `00-${TRACE}-${SPAN}-01`;

function tracer(sampleRatio = 1, ids: IdSource = new SeededIds(testSeed())): { tracer: Tracer; clock: ManualClock } {
  const clock = new ManualClock(1_000);
  return { tracer: new Tracer({ clock, ids, sampleRatio }), clock };
}

describe("traceparent", () => {
  test("parses the four fields of a valid header", () => {
    expect(parseTraceparent(VALID)).toEqual({ version: 0, traceId: TRACE, parentId: SPAN, flags: 1 });
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-00`)?.flags).toBe(0);
  });

  test.each([
    ["uppercase hex", `00-${TRACE.toUpperCase()}-${SPAN}-01`],
    ["an all-zero trace id", `00-${"0".repeat(32)}-${SPAN}-01`],
    ["an all-zero parent id", `00-${TRACE}-${"0".repeat(16)}-01`],
    ["version ff", `ff-${TRACE}-${SPAN}-01`],
    ["a short trace id", `00-${TRACE.slice(1)}-${SPAN}-01`],
    ["a fifth field in version 00", `${VALID}-extra`],
    ["a non-hex flag", `00-${TRACE}-${SPAN}-0g`],
    ["underscores for dashes", `00_${TRACE}_${SPAN}_01`],
    ["nothing", ""],
  ])("%s is not a valid traceparent", (what, header) => {
    const parsed = parseTraceparent(header);
    ensure(
      parsed === undefined,
      `"${header}" (${what}) parsed as ${JSON.stringify(parsed)}; it must be refused (undefined): lowercase hex, ids not all zeros, version ff never valid, exactly 4 fields in version 00`,
    );
  });

  test("a later version is read leniently: its first four fields, extra fields only after a dash", () => {
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01-what-the-future-holds`)?.traceId).toBe(TRACE);
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01`)?.version).toBe(0xcc);
    expect(parseTraceparent(`cc-${TRACE}-${SPAN}-01xyz`)).toBeUndefined();
  });
});

describe("extract and inject", () => {
  test("header names in any case; the context of the calling service", () => {
    const { tracer: t } = tracer();
    const context = t.extract({ TraceParent: VALID, TRACESTATE: "congo=t61rcWkgMzE" });
    expect(context?.traceId).toBe(TRACE);
    expect(context?.spanId).toBe(SPAN);
    expect(context?.sampled).toBe(true);
    expect(context?.traceState.get("congo")).toBe("t61rcWkgMzE");
  });

  test("a malformed or repeated traceparent is ignored, never thrown: the service starts a new trace", () => {
    const { tracer: t } = tracer();
    for (const headers of [
      { traceparent: `00-${TRACE}-${SPAN}-01-extra` },
      { traceparent: [VALID, VALID] },
      { traceparent: VALID, TraceParent: VALID },
      { traceparent: undefined },
      {},
    ]) {
      let context: SpanContext | undefined;
      let thrown: unknown;
      try {
        context = t.extract(headers);
      } catch (error) {
        thrown = error;
      }
      ensure(
        thrown === undefined && context === undefined,
        `extract(${JSON.stringify(headers)}) ${thrown === undefined ? `gave ${JSON.stringify(context)}` : `threw ${String(thrown)}`}; ` +
          "a header that cannot be trusted (malformed, or sent twice) is ignored: no context, and never an error",
      );
    }
  });

  test("an invalid tracestate is dropped, and the traceparent kept", () => {
    const { tracer: t } = tracer();
    const context = t.extract({ traceparent: VALID, tracestate: "a=1,a=2" });
    ensure(
      context !== undefined && context.traceId === TRACE && context.traceState.toString() === "",
      `with a valid traceparent and a tracestate that repeats a key, extract gave ${JSON.stringify(context && { ...context, traceState: context.traceState.toString() })}; ` +
        "keep the traceparent and drop only the tracestate",
    );
  });

  test("a tracestate sent in two headers is read as one list", () => {
    const { tracer: t } = tracer();
    expect(t.extract({ traceparent: VALID, tracestate: ["a=1", "b=2"] })?.traceState.toString()).toBe("a=1,b=2");
  });

  test("inject writes a version 00 traceparent with the span's own id, and tracestate only when there is one", () => {
    const { tracer: t } = tracer();
    const parent = t.extract({ traceparent: VALID }) as SpanContext;
    const span = t.startSpan("call", parent);
    const headers: Record<string, string> = { tracestate: "stale=1" };
    t.inject(span.context, headers);
    expect(headers.traceparent).toBe(`00-${TRACE}-${span.context.spanId}-01`);
    expect(headers).not.toHaveProperty("tracestate");
  });
});

describe("tracestate", () => {
  test("parses entries front first, ignoring spaces and empty entries; tenant@system keys", () => {
    const state = TraceState.parse(" rojo=00f067aa0ba902b7 ,, congo=t61rcWkgMzE,\tfw529a3039@dt=xyz ");
    expect(state.entries()).toEqual([
      ["rojo", "00f067aa0ba902b7"],
      ["congo", "t61rcWkgMzE"],
      ["fw529a3039@dt", "xyz"],
    ]);
  });

  test("set() puts the changed entry at the front; past 32 entries the last one goes", () => {
    const state = TraceState.parse("a=1,b=2,c=3").set("c", "9").set("d", "4");
    ensure(
      state.toString() === "d=4,c=9,a=1,b=2",
      `after updating c and adding d to "a=1,b=2,c=3" the tracestate was "${state.toString()}"; a changed or new entry moves to the front (left): "d=4,c=9,a=1,b=2"`,
    );
    let full = TraceState.empty();
    for (let i = 0; i < 32; i++) full = full.set(`k${i}`, `${i}`);
    const over = full.set("new", "x");
    expect(over.entries().length).toBe(32);
    expect(over.get("new")).toBe("x");
    expect(over.get("k0")).toBeUndefined();
  });

  test("a repeated key, a bad key or value, or more than 32 entries discard the whole header", () => {
    for (const header of [
      "a=1,a=2",
      "A=1",
      "a=1,b",
      "a=x=y",
      "1a=1",
      "a=caf\u00e9",
      Array.from({ length: 33 }, (_, i) => `k${i}=1`).join(","),
    ])
      ensure(
        TraceState.parse(header).toString() === "",
        `tracestate "${header.slice(0, 40)}" was kept as "${TraceState.parse(header).toString().slice(0, 40)}"; an invalid tracestate is discarded whole`,
      );
    expect(codeOf(TraceError, () => TraceState.empty().set("Bad", "1"))).toBe("INVALID_TRACESTATE_ENTRY");
    expect(codeOf(TraceError, () => TraceState.empty().set("ok", "a,b"))).toBe("INVALID_TRACESTATE_ENTRY");
  });
});

describe("spans and sampling", () => {
  test("a child keeps the trace id, gets a span id of its own, and names its parent", () => {
    const { tracer: t, clock } = tracer();
    const root = t.startSpan("GET /checkout");
    const child = t.startSpan("SELECT orders", root.context);
    ensure(
      child.context.traceId === root.context.traceId &&
        child.context.spanId !== root.context.spanId &&
        child.parentSpanId === root.context.spanId,
      `a child of span ${root.context.spanId} (trace ${root.context.traceId}) got trace ${child.context.traceId}, span ${child.context.spanId}, parent ${child.parentSpanId}; ` +
        "it must keep the trace id, get a fresh span id, and name the parent's span id",
    );
    expect(root.parentSpanId).toBeUndefined();
    clock.advance(5);
    child.end();
    clock.advance(2);
    root.end();
    expect(t.finished().map((s) => [s.name, s.start, s.end, s.parentSpanId ?? "root"])).toEqual([
      ["SELECT orders", 1_000, 1_005, root.context.spanId],
      ["GET /checkout", 1_000, 1_007, "root"],
    ]);
  });

  test("the ratio decides at the root, and every span of a trace follows: whole traces or none", () => {
    const { tracer: t } = tracer(0.25);
    let sampledTraces = 0;
    for (let i = 0; i < 4_000; i++) {
      const root = t.startSpan("root");
      const child = t.startSpan("child", root.context);
      const grandchild = t.startSpan("grandchild", child.context);
      const flags = [root, child, grandchild].map((s) => s.context.sampled);
      ensure(
        flags.every((f) => f === flags[0]),
        `in one trace the sampled flags were ${flags.join(", ")} (root, child, grandchild); children follow their parent's decision, or traces arrive with holes`,
      );
      if (root.context.sampled) sampledTraces += 1;
      for (const span of [grandchild, child, root]) span.end();
    }
    ensure(
      Math.abs(sampledTraces - 1_000) < 100,
      `a ratio of 0.25 sampled ${sampledTraces} of 4,000 traces; expected about 1,000`,
    );
    expect(t.finished().length).toBe(sampledTraces * 3);
  });

  test("the decision is a function of the trace id, so every service agrees", () => {
    const ids = new SeededIds(testSeed());
    const traceIds = Array.from({ length: 200 }, () => ids.traceId());
    const decide = (ratio: number): boolean[] => {
      const source: IdSource = { traceId: () => traceIds[n++ % 200] as string, spanId: () => "0000000000000001" };
      let n = 0;
      const t = new Tracer({ clock: new ManualClock(), ids: source, sampleRatio: ratio });
      return traceIds.map(() => t.startSpan("s").context.sampled);
    };
    expect(decide(0.5)).toEqual(decide(0.5));
    const expected = traceIds.map((id) => parseInt(id.slice(-13), 16) / 2 ** 52 < 0.5);
    ensure(
      decide(0.5).join() === expected.join(),
      "sampling must follow the README's rule: the trace id's last 13 hex digits / 2^52 < ratio",
    );
  });

  test("a remote parent's flag is followed; an unsampled span records nothing but still propagates", () => {
    const { tracer: none } = tracer(0);
    const remote = none.extract({ traceparent: VALID }) as SpanContext;
    const span = none.startSpan("handle", remote);
    span.end();
    expect(none.finished().map((s) => s.name)).toEqual(["handle"]);
    const { tracer: t } = tracer(0);
    const quiet = t.startSpan("root");
    quiet.setAttribute("user", "u1");
    quiet.end();
    const headers: Record<string, string> = {};
    t.inject(quiet.context, headers);
    ensure(
      t.finished().length === 0 && headers.traceparent === `00-${quiet.context.traceId}-${quiet.context.spanId}-00`,
      `an unsampled root recorded ${t.finished().length} spans and propagated ${headers.traceparent}; it records nothing and still sends its context with flags 00`,
    );
  });

  test("bad options, bad ids and a second end() get typed errors", () => {
    expect(
      codeOf(TraceError, () => new Tracer({ clock: new ManualClock(), ids: new SeededIds(1), sampleRatio: 1.5 })),
    ).toBe("INVALID_OPTION");
    const bad: IdSource = { traceId: () => "0".repeat(32), spanId: () => "00f067aa0ba902b7" };
    expect(
      codeOf(TraceError, () => new Tracer({ clock: new ManualClock(), ids: bad, sampleRatio: 1 }).startSpan("s")),
    ).toBe("INVALID_ID");
    const upper: IdSource = { traceId: () => TRACE, spanId: () => SPAN.toUpperCase() };
    expect(
      codeOf(TraceError, () => new Tracer({ clock: new ManualClock(), ids: upper, sampleRatio: 1 }).startSpan("s")),
    ).toBe("INVALID_ID");
    const { tracer: t } = tracer();
    const span = t.startSpan("once");
    span.end();
    expect(codeOf(TraceError, () => span.end())).toBe("SPAN_ALREADY_ENDED");
    expect(t.finished().length).toBe(1);
  });
});
