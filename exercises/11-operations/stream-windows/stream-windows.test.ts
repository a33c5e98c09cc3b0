import { codeOf, ensure, messageOf } from "#kata/testing";
import { StreamWindowsError } from "./src/errors";
import {
  WindowOperator,
  type StreamEvent,
  type WindowOptions,
  type WindowResult,
  type WindowSpec,
} from "./src/window-operator";

const ev = (time: number, value = 1, key = "a"): StreamEvent => ({ key, time, value });

/** Feeds events in order; every result emitted, flush included unless told not to. */
function run(
  spec: WindowSpec,
  options: WindowOptions,
  events: StreamEvent[],
  flush = true,
): { op: WindowOperator; results: WindowResult[] } {
  const op = new WindowOperator(spec, options);
  const results: WindowResult[] = [];
  for (const event of events) results.push(...op.process(event));
  if (flush) results.push(...op.flush());
  return { op, results };
}

const brief = (r: WindowResult): string => `${r.key}[${r.start},${r.end}) n=${r.count} sum=${r.sum} rev=${r.revision}`;
const briefs = (results: WindowResult[]): string => results.map(brief).join("; ") || "nothing";

describe("tumbling windows on event time", () => {
  test("[start, end): an event exactly at a window's end belongs to the next window", () => {
    const { results } = run({ kind: "tumbling", size: 10 }, {}, [ev(0), ev(5), ev(9.5), ev(10), ev(19)]);
    ensure(
      briefs(results) === "a[0,10) n=3 sum=3 rev=0; a[10,20) n=2 sum=2 rev=0",
      `events at 0, 5, 9.5, 10, 19 in windows of 10 gave ${briefs(results)}; windows are half-open: [0,10) holds 0, 5, 9.5 and the event at 10 opens [10,20)`,
    );
  });

  test("a window fires when the watermark reaches its end, not before", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 });
    expect(op.watermark()).toBe(-Infinity);
    expect(op.process(ev(3))).toEqual([]);
    const at9 = op.process(ev(9.999));
    ensure(
      at9.length === 0,
      `with the watermark at 9.999 a window [0,10) fired: ${briefs(at9)}; it fires once the watermark reaches 10`,
    );
    const at10 = op.process(ev(10, 5));
    expect(at10).toEqual([{ key: "a", start: 0, end: 10, count: 2, sum: 2, max: 1, revision: 0, replaces: [] }]);
  });

  test("windows align on the offset, and keys are windowed apart", () => {
    const { results } = run({ kind: "tumbling", size: 10, offset: 5 }, {}, [
      ev(4, 1, "x"),
      ev(5, 2, "x"),
      ev(6, 3, "y"),
      ev(14, 4, "x"),
    ]);
    expect(briefs(results)).toBe("x[-5,5) n=1 sum=1 rev=0; x[5,15) n=2 sum=6 rev=0; y[5,15) n=1 sum=3 rev=0");
  });
});

describe("sliding windows", () => {
  test("an event belongs to size / slide windows", () => {
    const { results } = run({ kind: "sliding", size: 10, slide: 5 }, {}, [ev(7, 2), ev(12, 3)]);
    ensure(
      briefs(results) === "a[0,10) n=1 sum=2 rev=0; a[5,15) n=2 sum=5 rev=0; a[10,20) n=1 sum=3 rev=0",
      `windows of 10 every 5 over events at 7 and 12 gave ${briefs(results)}; 7 is in [0,10) and [5,15), 12 in [5,15) and [10,20)`,
    );
  });
});

describe("watermarks and lateness", () => {
  test("an event out of order within maxOutOfOrderness still counts on time", () => {
    const { results } = run({ kind: "tumbling", size: 10 }, { maxOutOfOrderness: 5 }, [ev(12), ev(8), ev(15)], false);
    ensure(
      briefs(results) === "a[0,10) n=1 sum=1 rev=0",
      `with maxOutOfOrderness 5, events at 12, 8, 15 gave ${briefs(results)} before the end of the stream; ` +
        "after 12 the watermark is 7, so the event at 8 is on time, and [0,10) fires with it once the watermark reaches 10 (at the event at 15)",
    );
  });

  test("a late event within allowedLateness updates its fired window as a new revision", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 }, { allowedLateness: 5 });
    op.process(ev(3));
    const fired = op.process(ev(12));
    expect(briefs(fired)).toBe("a[0,10) n=1 sum=1 rev=0");
    const update = op.process(ev(4, 7));
    ensure(
      briefs(update) === "a[0,10) n=2 sum=8 rev=1",
      `an event at 4 after [0,10) fired, with the watermark at 12 and allowedLateness 5, gave ${briefs(update)}; ` +
        "the window is kept until the watermark reaches 10 + 5, and the update is emitted as revision 1",
    );
    expect(op.lateCount()).toBe(0);
  });

  test("once the watermark reaches end + allowedLateness the window is gone and its events are too late", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 }, { allowedLateness: 5, lateEvents: "side-output" });
    op.process(ev(3));
    op.process(ev(15));
    expect(op.openWindows()).toBe(1);
    const late = op.process(ev(9, 4));
    ensure(
      late.length === 0 && op.lateCount() === 1 && op.sideOutput().length === 1,
      `with the watermark at exactly 15 = 10 + 5, an event at 9 gave ${briefs(late)} and lateCount ${op.lateCount()}; ` +
        "[0,10) is cleaned up when the watermark reaches end + allowedLateness, so the event is too late and goes to the side output",
    );
    expect(op.sideOutput()).toEqual([ev(9, 4)]);
  });

  test("with the drop policy a too-late event is counted, not kept", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 });
    op.process(ev(20));
    expect(op.process(ev(5))).toEqual([]);
    expect(op.lateCount()).toBe(1);
    expect(op.sideOutput()).toEqual([]);
  });

  test("state is cleaned up as the watermark passes: windows held stay bounded on a long stream", () => {
    const op = new WindowOperator({ kind: "sliding", size: 20, slide: 10 }, { allowedLateness: 10 });
    let most = 0;
    for (let t = 0; t < 10_000; t += 3) {
      op.process(ev(t, 1, `k${t % 4}`));
      most = Math.max(most, op.openWindows());
    }
    ensure(
      most <= 20,
      `over 10,000 time units of events on 4 keys, up to ${most} windows were held at once; a window's state must go once the watermark passes end + allowedLateness (at most about 16 here)`,
    );
  });
});

describe("session windows", () => {
  test("events closer than the gap join; a session is [first, last + gap); touching sessions stay apart", () => {
    const { results } = run({ kind: "session", gap: 5 }, {}, [ev(0), ev(3), ev(8), ev(13)]);
    ensure(
      briefs(results) === "a[0,8) n=2 sum=2 rev=0; a[8,13) n=1 sum=1 rev=0; a[13,18) n=1 sum=1 rev=0",
      `gap 5 over events at 0, 3, 8, 13 gave ${briefs(results)}; 3 joins 0 ([0,8)), 8 starts a new session since [0,8) ends exactly at 8, and so does 13`,
    );
  });

  test("an out-of-order event can bridge two sessions into one", () => {
    const { results } = run({ kind: "session", gap: 5 }, { maxOutOfOrderness: 20 }, [ev(0), ev(8), ev(4)]);
    ensure(
      briefs(results) === "a[0,13) n=3 sum=3 rev=0",
      `gap 5 over events at 0, 8 and then 4 gave ${briefs(results)}; [0,5) and [8,13) both overlap the late event's [4,9), so all three merge into [0,13)`,
    );
  });

  test("a merge with a session that already fired is emitted as its next revision, naming what it replaces", () => {
    const op = new WindowOperator({ kind: "session", gap: 5 }, { allowedLateness: 10 });
    op.process(ev(0));
    expect(briefs(op.process(ev(7)))).toBe("a[0,5) n=1 sum=1 rev=0");
    expect(op.process(ev(4))).toEqual([]);
    const fired = op.process(ev(12));
    ensure(
      fired.length === 1 && brief(fired[0] as WindowResult) === "a[0,12) n=3 sum=3 rev=1",
      `after [0,5) fired, an event at 4 merged it with [7,12); when the watermark reached 12 the operator emitted ${briefs(fired)}; expected a[0,12) with 3 events as revision 1`,
    );
    expect((fired[0] as WindowResult).replaces).toEqual([{ start: 0, end: 5 }]);
  });
});

describe("the end of the stream and bad input", () => {
  test("flush() fires every window left and ends the stream", () => {
    const op = new WindowOperator({ kind: "tumbling", size: 10 });
    op.process(ev(25, 1, "b"));
    op.process(ev(21, 1, "a"));
    expect(briefs(op.flush())).toBe("a[20,30) n=1 sum=1 rev=0; b[20,30) n=1 sum=1 rev=0");
    expect(op.openWindows()).toBe(0);
    expect(codeOf(StreamWindowsError, () => op.process(ev(40)))).toBe("STREAM_ENDED");
  });

  test("bad windows, options and events get typed errors, and a refused event changes nothing", () => {
    const windowCode = (spec: WindowSpec): string => codeOf(StreamWindowsError, () => new WindowOperator(spec));
    for (const spec of [
      { kind: "tumbling", size: 0 },
      { kind: "tumbling", size: 10, offset: 10 },
      { kind: "sliding", size: 10, slide: 20 },
      { kind: "sliding", size: 10, slide: 0 },
      { kind: "session", gap: -1 },
      { kind: "hopping", size: 10 } as unknown as WindowSpec,
    ] as WindowSpec[])
      expect(windowCode(spec)).toBe("INVALID_WINDOW");
    expect(messageOf(StreamWindowsError, () => new WindowOperator({ kind: "sliding", size: 10, slide: 20 }))).toMatch(
      /slide/,
    );
    expect(
      codeOf(StreamWindowsError, () => new WindowOperator({ kind: "session", gap: 5 }, { allowedLateness: -1 })),
    ).toBe("INVALID_OPTION");
    expect(
      codeOf(
        StreamWindowsError,
        () => new WindowOperator({ kind: "session", gap: 5 }, { lateEvents: "keep" as "drop" }),
      ),
    ).toBe("INVALID_OPTION");
    const op = new WindowOperator({ kind: "tumbling", size: 10 });
    op.process(ev(5));
    for (const bad of [
      ev(Number.NaN),
      ev(6, Number.POSITIVE_INFINITY),
      { key: 3, time: 6, value: 1 } as unknown as StreamEvent,
    ])
      expect(codeOf(StreamWindowsError, () => op.process(bad))).toBe("INVALID_EVENT");
    expect(op.watermark()).toBe(5);
    expect(briefs(op.flush())).toBe("a[0,10) n=1 sum=1 rev=0");
  });
});
