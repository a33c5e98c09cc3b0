/** Grading-only tests: seeded out-of-order streams against a batch computation over the same events. */
import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import { StreamWindowsError } from "./src/errors";
import { WindowOperator, type StreamEvent, type WindowResult, type WindowSpec } from "./src/window-operator";

interface Aggregate {
  count: number;
  sum: number;
  max: number;
}

const id = (key: string, start: number, end: number): string => `${key}[${start},${end})`;

/** The final value of every window, from the emissions in order: later revisions and merges win. */
function finalResults(results: readonly WindowResult[]): Map<string, Aggregate> {
  const final = new Map<string, Aggregate>();
  for (const r of results) {
    for (const gone of r.replaces) final.delete(id(r.key, gone.start, gone.end));
    final.set(id(r.key, r.start, r.end), { count: r.count, sum: r.sum, max: r.max });
  }
  return final;
}

/** The same windows computed in one batch over the events that were not too late. */
function batch(spec: WindowSpec, events: readonly StreamEvent[]): Map<string, Aggregate> {
  const out = new Map<string, Aggregate>();
  const add = (key: string, start: number, end: number, e: StreamEvent): void => {
    const k = id(key, start, end);
    const a = out.get(k) ?? { count: 0, sum: 0, max: -Infinity };
    out.set(k, { count: a.count + 1, sum: a.sum + e.value, max: Math.max(a.max, e.value) });
  };
  if (spec.kind === "session") {
    const byKey = new Map<string, StreamEvent[]>();
    for (const e of events) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
    for (const [key, list] of byKey) {
      list.sort((a, b) => a.time - b.time);
      let group: StreamEvent[] = [];
      let end = -Infinity;
      const close = (): void => {
        const start = (group[0] as StreamEvent).time;
        for (const e of group) add(key, start, end, e);
      };
      for (const e of list) {
        if (group.length > 0 && e.time >= end) {
          close();
          group = [];
        }
        group.push(e);
        end = Math.max(end, e.time + spec.gap);
      }
      if (group.length > 0) close();
    }
    return out;
  }
  const slide = spec.kind === "sliding" ? spec.slide : spec.size;
  const offset = spec.offset ?? 0;
  for (const e of events)
    for (let start = Math.floor((e.time - offset) / slide) * slide + offset; start > e.time - spec.size; start -= slide)
      add(e.key, start, start + spec.size, e);
  return out;
}

const specArb: fc.Arbitrary<WindowSpec> = fc.oneof(
  fc.record({ kind: fc.constant("tumbling" as const), size: fc.constantFrom(5, 10), offset: fc.constantFrom(0, 2) }),
  fc.record({
    kind: fc.constant("sliding" as const),
    size: fc.constant(10),
    slide: fc.constantFrom(2, 5, 10),
    offset: fc.constant(1),
  }),
  fc.record({ kind: fc.constant("session" as const), gap: fc.constantFrom(3, 6) }),
);

/** A stream in time order, then shuffled locally: each event moved back by up to `jitter` places. */
const streamArb = fc
  .array(
    fc.record({
      key: fc.constantFrom("a", "b", "c"),
      step: fc.integer({ min: 0, max: 4 }),
      value: fc.integer({ min: -5, max: 20 }),
      back: fc.nat(6),
    }),
    {
      minLength: 1,
      maxLength: 80,
    },
  )
  .map((draws) => {
    let time = -10;
    const events = draws.map((d) => ({ event: { key: d.key, time: (time += d.step), value: d.value }, back: d.back }));
    const order = events.map((e, i) => ({ e: e.event, at: i - e.back + 0.5 }));
    return order.sort((x, y) => x.at - y.at).map((x) => x.e);
  });

describe("every final result equals a batch computation over the events that were not too late", () => {
  test("tumbling, sliding and session windows, out-of-order streams, any disorder bound and lateness", () => {
    fc.assert(
      fc.property(
        specArb,
        streamArb,
        fc.constantFrom(0, 3, 8),
        fc.constantFrom(0, 4, 10),
        (spec, events, maxOutOfOrderness, allowedLateness) => {
          const op = new WindowOperator(spec, { maxOutOfOrderness, allowedLateness, lateEvents: "side-output" });
          const emitted: WindowResult[] = [];
          for (const e of events) emitted.push(...op.process(e));
          emitted.push(...op.flush());
          const late = op.sideOutput();
          const onTime = [...events];
          for (const l of late)
            onTime.splice(
              onTime.findIndex((e) => e.key === l.key && e.time === l.time && e.value === l.value),
              1,
            );
          const streamed = finalResults(emitted);
          const expected = batch(spec, onTime);
          const show = (m: Map<string, Aggregate>): string =>
            [...m]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, a]) => `${k} n=${a.count} sum=${a.sum} max=${a.max}`)
              .join("; ");
          ensure(
            show(streamed) === show(expected) && op.lateCount() === late.length,
            `${JSON.stringify(spec)}, maxOutOfOrderness ${maxOutOfOrderness}, allowedLateness ${allowedLateness}, events ` +
              `${events.map((e) => `${e.key}@${e.time}`).join(" ")} (${late.length} too late): the final results were\n  ${show(streamed)}\n` +
              `and a batch computation over the accepted events gives\n  ${show(expected)}`,
          );
        },
      ),
      propertySettings(300),
    );
  });

  test("revisions of a window count up from 0 with no gap, and every window fires before the stream ends", () => {
    fc.assert(
      fc.property(specArb, streamArb, (spec, events) => {
        const op = new WindowOperator(spec, { maxOutOfOrderness: 2, allowedLateness: 6 });
        const emitted: WindowResult[] = [];
        for (const e of events) emitted.push(...op.process(e));
        emitted.push(...op.flush());
        const last = new Map<string, number>();
        for (const r of emitted) {
          const previous = Math.max(
            -1,
            ...r.replaces.map((g) => last.get(id(r.key, g.start, g.end)) ?? -1),
            last.get(id(r.key, r.start, r.end)) ?? -1,
          );
          ensure(
            r.revision === previous + 1,
            `${brief(r)} came after revision ${previous} of the windows it stands for; a window's emissions are numbered 0, 1, 2, ...`,
          );
          last.set(id(r.key, r.start, r.end), r.revision);
        }
        expect(op.openWindows()).toBe(0);
      }),
      propertySettings(150),
    );
  });
});

const brief = (r: WindowResult): string => `${r.key}[${r.start},${r.end}) n=${r.count} rev=${r.revision}`;

describe("grading-only cases", () => {
  test("a session event exactly allowedLateness behind the watermark still counts; one more is too late", () => {
    const op = new WindowOperator({ kind: "session", gap: 5 }, { allowedLateness: 4 });
    op.process({ key: "a", time: 20, value: 1 });
    op.process({ key: "a", time: 16, value: 1 });
    ensure(
      op.lateCount() === 0,
      `with the watermark at 20 and allowedLateness 4, a session event at 16 was too late; it counts while time + allowedLateness >= watermark`,
    );
    op.process({ key: "a", time: 15.5, value: 1 });
    expect(op.lateCount()).toBe(1);
  });

  test("the first event of a window that is already due fires at once", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 }, { allowedLateness: 20 });
    op.process({ key: "a", time: 25, value: 1 });
    const late = op.process({ key: "b", time: 3, value: 2 });
    ensure(
      late.length === 1 && brief(late[0] as WindowResult) === "b[0,10) n=1 rev=0",
      `with the watermark at 25, the first event of b[0,10) (within the allowed lateness) gave ${late.map(brief).join("; ") || "nothing"}; the window's end has passed, so it fires at once`,
    );
  });

  test("results of one watermark advance come in order of end, then key, then start", () => {
    const op = new WindowOperator({ kind: "sliding", size: 10, slide: 5 }, { maxOutOfOrderness: 100 });
    for (const [key, time] of [
      ["b", 1],
      ["a", 7],
      ["c", 3],
      ["a", 12],
    ] as const)
      op.process({ key, time, value: 1 });
    const fired = op.process({ key: "z", time: 120, value: 1 });
    expect(fired.map((r) => `${r.key}${r.start}`)).toEqual(["b-5", "c-5", "a0", "b0", "c0", "a5", "a10"]);
  });

  test("negative times and duplicate timestamps are ordinary events", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 });
    for (const time of [-15, -15, -11]) op.process({ key: "a", time, value: 2 });
    expect(op.flush().map(brief)).toEqual(["a[-20,-10) n=3 rev=0"]);
  });

  test("an offset not below the slide, and NaN sizes, are refused", () => {
    expect(
      codeOf(StreamWindowsError, () => new WindowOperator({ kind: "sliding", size: 10, slide: 5, offset: 5 })),
    ).toBe("INVALID_WINDOW");
    expect(codeOf(StreamWindowsError, () => new WindowOperator({ kind: "tumbling", size: Number.NaN }))).toBe(
      "INVALID_WINDOW",
    );
    expect(
      codeOf(
        StreamWindowsError,
        () => new WindowOperator({ kind: "tumbling", size: 10 }, { maxOutOfOrderness: Number.NaN }),
      ),
    ).toBe("INVALID_OPTION");
  });

  test("windows with the same end fire in key order, whatever order their keys arrived in", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 }, { maxOutOfOrderness: 50 });
    const keys = Array.from({ length: 30 }, (_, i) => `k${String((i * 17) % 30).padStart(2, "0")}`);
    for (const key of keys) op.process({ key, time: 1, value: 1 });
    const fired = op.process({ key: "zz", time: 100, value: 1 }).map((r) => r.key);
    expect(fired).toEqual([...keys].sort());
  });

  test("every refusal names what was wrong", () => {
    const message = (act: () => unknown): string => messageOf(StreamWindowsError, act);
    expect(message(() => new WindowOperator({ kind: "session", gap: 0 }))).toMatch(
      /session gap must be a time above 0/,
    );
    expect(message(() => new WindowOperator({ kind: "hopping" } as unknown as WindowSpec))).toMatch(
      /no window kind "hopping"/,
    );
    expect(message(() => new WindowOperator({ kind: "tumbling", size: -1 }))).toMatch(/tumbling window's size/);
    for (const offset of [-1, Number.NaN, 10])
      expect(message(() => new WindowOperator({ kind: "tumbling", size: 10, offset }))).toMatch(
        /offset must be at least 0 and below 10/,
      );
    expect(message(() => new WindowOperator({ kind: "tumbling", size: 10 }, { allowedLateness: -2 }))).toMatch(
      /allowedLateness must be a time of 0 or more/,
    );
    expect(message(() => new WindowOperator({ kind: "tumbling", size: 10 }, { lateEvents: "keep" as "drop" }))).toMatch(
      /lateEvents must be "drop" or "side-output"/,
    );
    const op = new WindowOperator({ kind: "tumbling", size: 10 });
    expect(message(() => op.process({ key: 1 as unknown as string, time: 1, value: 1 }))).toMatch(
      /key must be a string/,
    );
    expect(message(() => op.process({ key: "a", time: Number.NaN, value: 1 }))).toMatch(/time must be a finite number/);
    expect(message(() => op.process({ key: "a", time: 1, value: Number.NaN }))).toMatch(
      /value must be a finite number/,
    );
    op.flush();
    expect(message(() => op.process({ key: "a", time: 1, value: 1 }))).toMatch(/the stream has ended/);
  });
});
