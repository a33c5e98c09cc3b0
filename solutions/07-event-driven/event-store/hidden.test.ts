/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import Database from "better-sqlite3";
import { ensure, tempDatabase, testSeed, type TempDatabase } from "#kata/testing";
import { EventStoreError, WrongExpectedVersionError } from "./src/errors";
import {
  InMemoryEventStore,
  SqliteEventStore,
  type EventStore,
  type JsonValue,
  type NewEvent,
  type RecordedEvent,
} from "./src/event-store";

let database: TempDatabase;
const opened: { close(): void }[] = [];
beforeEach(() => {
  database = tempDatabase("event-store");
});
afterEach(() => {
  for (const connection of opened.splice(0)) {
    try {
      connection.close();
    } catch {
      // the folder goes anyway
    }
  }
  database.remove();
});

function openSqlite(): SqliteEventStore {
  const store = new SqliteEventStore(database.path);
  opened.push(store);
  return store;
}

function openMemory(): InMemoryEventStore {
  const store = new InMemoryEventStore();
  opened.push(store);
  return store;
}

const backends: { name: string; open: () => EventStore; reopens: boolean }[] = [
  { name: "InMemoryEventStore", open: openMemory, reopens: false },
  { name: "SqliteEventStore", open: openSqlite, reopens: true },
];

function events(count: number, type = "Deposited", first = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({ type, data: { n: first + i } }));
}

/** A small seeded generator (mulberry32), so every run draws the same operations. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function brief(list: RecordedEvent[]): string {
  return list.map((e) => `${e.position}:${e.stream}@${e.version}`).join(" ");
}

describe.each(backends)("hidden: $name", ({ name, open, reopens }) => {
  test("a seeded run of appends, stale and ahead expected versions and reads agrees with a plain model", () => {
    const seed = testSeed();
    const draw = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(draw() * items.length)] as T;
    const streams = ["s-1", "s-10", "s-2", "s'3"];
    const model: RecordedEvent[] = [];
    const versionOf = (stream: string): number => model.filter((e) => e.stream === stream).length;
    let store = open();
    for (let step = 0; step < 48; step++) {
      if (reopens && step === 24) {
        store.close();
        store = open();
      }
      const stream = pick(streams);
      const actual = versionOf(stream);
      const roll = draw();
      const expected =
        roll < 0.6
          ? actual
          : roll < 0.8
            ? Math.max(0, actual - 1 - Math.floor(draw() * 2))
            : actual + 1 + Math.floor(draw() * 3);
      const batch = events(1 + Math.floor(draw() * 3), pick(["Deposited", "Withdrawn"]), step * 10);
      const context = `seed ${seed} (KATA_SEED=${seed} replays it), step ${step}: append(${JSON.stringify(stream)}, ${expected}, ${batch.length} events) on a stream at version ${actual}`;
      let error: unknown;
      let result;
      try {
        result = store.append(stream, expected, batch);
      } catch (caught) {
        error = caught;
      }
      if (expected === actual) {
        batch.forEach((e, i) =>
          model.push({ stream, version: actual + i + 1, position: model.length + 1, type: e.type, data: e.data }),
        );
        ensure(
          error === undefined && result?.version === versionOf(stream) && result.position === model.length,
          `${context}: expected success with version ${versionOf(stream)} and position ${model.length}, got ${error === undefined ? JSON.stringify(result) : String(error)}`,
        );
      } else {
        ensure(
          error instanceof WrongExpectedVersionError &&
            error.actualVersion === actual &&
            error.expectedVersion === expected,
          `${context}: expected WrongExpectedVersionError (actualVersion ${actual}), got ${error === undefined ? "success" : String(error)}`,
        );
      }
      if (step % 6 === 5) {
        const from = 1 + Math.floor(draw() * (model.length + 2));
        const maxCount = draw() < 0.5 ? undefined : 1 + Math.floor(draw() * 5);
        const want = model.slice(from - 1, maxCount === undefined ? undefined : from - 1 + maxCount);
        const got = store.readAll(from, maxCount);
        ensure(
          JSON.stringify(got) === JSON.stringify(want) || brief(got) === brief(want),
          `${context}; then readAll(${from}, ${maxCount}) gave ${brief(got)}, expected ${brief(want)}`,
        );
        expect(got).toEqual(want);
        for (const s of streams) {
          const own = model.filter((e) => e.stream === s);
          const fromVersion = 1 + Math.floor(draw() * (own.length + 1));
          expect(brief(store.readStream(s, fromVersion))).toBe(brief(own.slice(fromVersion - 1)));
          expect(store.streamVersion(s)).toBe(own.length);
        }
        expect(store.headPosition()).toBe(model.length);
      }
    }
    expect(store.readAll()).toEqual(model);
  });

  test("stream ids that are prefixes of others, or hold quotes, SQL or wildcards, are streams like any other", () => {
    const store = open();
    const ids = ["order-1", "order-10", "order-1 ", "o'rder\"; DROP TABLE events; --", "%", "_", "订单-1", "ORDER-1"];
    store.append("order-1", 0, events(2));
    for (const id of ids.slice(1)) store.append(id, 0, events(1, "Created"));
    for (const id of ids) {
      const own = store.readStream(id);
      ensure(
        own.every((e) => e.stream === id) && own.length === (id === "order-1" ? 2 : 1),
        `readStream(${JSON.stringify(id)}) gave ${brief(own)}: a stream's events are exactly those appended to that id, ` +
          "compared whole and case-sensitively (no prefix, no LIKE pattern), and ids go to the database as parameters, never spliced into SQL.",
      );
      expect(store.streamVersion(id)).toBe(own.length);
    }
    expect(store.headPosition()).toBe(ids.length + 1);
  });

  test("any JSON value is data: null, 0, an empty string, an empty array, deep nesting, a 100 KB string", () => {
    const store = open();
    let deep: JsonValue = "bottom";
    for (let i = 0; i < 40; i++) deep = { level: i, inner: [deep] };
    const values: JsonValue[] = [
      null,
      0,
      "",
      [],
      {},
      false,
      -12.5e-7,
      deep,
      "x".repeat(100_000),
      { "": "", ключ: "✓" },
    ];
    store.append(
      "values",
      0,
      values.map((data) => ({ type: "Value", data })),
    );
    expect(store.readStream("values").map((e) => e.data)).toEqual(values);
  });

  test("catch-up pages through more events than one read: 900 stored, then 300 live, each once and in order", () => {
    const store = open();
    for (let i = 0; i < 3; i++) store.append(`bulk-${i}`, 0, events(300));
    const got: number[] = [];
    const subscription = store.subscribe(1, (e) => got.push(e.position));
    const inOrder = (upTo: number): boolean => got.length === upTo && got.every((p, i) => p === i + 1);
    ensure(
      inOrder(900),
      `after subscribe(1) over 900 stored events the handler had ${got.length} (first wrong at index ${got.findIndex((p, i) => p !== i + 1)}); ` +
        "catch-up must deliver each stored event once, in position order, whatever size of pages it reads in.",
    );
    store.append("bulk-3", 0, events(300));
    ensure(
      inOrder(1200),
      `after a live append of 300 events the handler had ${got.length} of 1,200, in order each once`,
    );
    expect(subscription.nextPosition).toBe(1201);
    const late: number[] = [];
    store.subscribe(450, (e) => late.push(e.position));
    expect(late.length).toBe(751);
    expect(late[0]).toBe(450);
  });

  test("a handler that throws during catch-up: subscribe returns the subscription closed, stopped at that event", () => {
    const store = open();
    store.append("a", 0, events(4));
    const got: number[] = [];
    const failure = new Error("read model offline");
    const subscription = store.subscribe(2, (e) => {
      if (e.position === 3) throw failure;
      got.push(e.position);
    });
    expect(got).toEqual([2]);
    expect(subscription.closed).toBe(true);
    expect(subscription.error).toBe(failure);
    expect(subscription.nextPosition).toBe(3);
    store.append("a", 4, events(1));
    expect(got).toEqual([2]);
  });

  test("a handler that closes its own subscription gets nothing more, even from the same batch", () => {
    const store = open();
    const got: number[] = [];
    const holder: { subscription?: { close(): void } } = {};
    holder.subscription = store.subscribe(1, (e) => {
      got.push(e.position);
      if (e.position === 2) holder.subscription?.close();
    });
    store.append("a", 0, events(4));
    ensure(
      got.join() === "1,2",
      `the handler closed its subscription while handling position 2 and still received ${got.join(", ")}; ` +
        "once closed, a subscription delivers nothing more, not even the rest of the batch in hand.",
    );
  });

  test("a handler that closes the store: the append it was delivering still returns, and nothing more is delivered", () => {
    const store = open();
    const got: number[] = [];
    const subscription = store.subscribe(1, (e) => {
      got.push(e.position);
      if (e.position === 3) store.close();
    });
    const other: number[] = [];
    store.subscribe(1, (e) => other.push(e.position));
    let result;
    let error: unknown;
    try {
      result = store.append("a", 0, events(3));
    } catch (caught) {
      error = caught;
    }
    ensure(
      error === undefined && result?.position === 3,
      `a handler closed the store while the append of positions 1-3 was being delivered, and the append ${error === undefined ? `returned ${JSON.stringify(result)}` : `threw ${String(error)}`}: ` +
        "the append had committed before delivery began, so it returns its result; delivery just stops.",
    );
    expect(got).toEqual([1, 2, 3]);
    expect(other).toEqual([]);
    expect(subscription.closed).toBe(true);
  });

  test("several subscriptions each get every event once, whichever of them appends", () => {
    const store = open();
    const first: number[] = [];
    const second: number[] = [];
    store.subscribe(1, (e) => {
      first.push(e.position);
      if (e.type === "Asked") store.append(`reply-${e.position}`, 0, events(1, "Replied"));
    });
    store.subscribe(1, (e) => second.push(e.position));
    store.append("q", 0, events(2, "Asked"));
    expect(first).toEqual([1, 2, 3, 4]);
    expect(second).toEqual([1, 2, 3, 4]);
    expect(store.readAll().map((e) => e.type)).toEqual(["Asked", "Asked", "Replied", "Replied"]);
  });

  test("reads with maxCount at the edges: exactly what is left, one, and past the end", () => {
    const store = open();
    store.append("a", 0, events(5));
    expect(store.readStream("a", 3, 3).map((e) => e.version)).toEqual([3, 4, 5]);
    expect(store.readStream("a", 5, 1).map((e) => e.version)).toEqual([5]);
    expect(store.readAll(5, 1).map((e) => e.position)).toEqual([5]);
    expect(store.readAll(4, 100).map((e) => e.position)).toEqual([4, 5]);
    expect(store.readAll(6, 1)).toEqual([]);
  });

  test("the messages of refused calls name the value and the event that was wrong", () => {
    const store = open();
    const message = (act: () => unknown): string => {
      try {
        act();
      } catch (error) {
        if (error instanceof EventStoreError) return error.message;
        throw error;
      }
      throw new Error(`${name}: the call was not refused`);
    };
    expect(message(() => store.append("a", 0, [...events(2), { type: "", data: 1 }]))).toMatch(/event 2/);
    expect(message(() => store.readStream("a", 0))).toMatch(/\b0\b/);
    expect(message(() => store.readAll(1, 2.5))).toMatch(/2\.5/);
    expect(message(() => store.append("", 0, events(1)))).toMatch(/non-empty|empty/i);
  });
});

describe.each(backends)("hidden: $name messages", ({ open }) => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const cases: [string, (store: EventStore) => unknown, RegExp[]][] = [
    ["a number as stream id", (s) => s.append(42 as unknown as string, 0, events(1)), [/non-empty string/, /\b42\b/]],
    ["an empty stream id", (s) => s.readStream(""), [/non-empty string/, /""/]],
    ["expected version NaN", (s) => s.append("a", Number.NaN, events(1)), [/NaN/]],
    ["a symbol as stream id", (s) => s.streamVersion(Symbol("s") as unknown as string), [/Symbol\(s\)/]],
    ["expected version -1", (s) => s.append("a", -1, events(1)), [/integer >= 0/, /-1/]],
    ["events as a string", (s) => s.append("a", 0, "x" as unknown as NewEvent[]), [/non-empty array/, /"x"/]],
    ["no events", (s) => s.append("a", 0, []), [/non-empty array/, /\[\]/]],
    ["events as an object", (s) => s.append("a", 0, { n: 1 } as unknown as NewEvent[]), [/\{"n":1\}/]],
    [
      "an event without a type",
      (s) => s.append("a", 0, [{ data: 1 } as unknown as NewEvent]),
      [/event 0/, /undefined/],
    ],
    [
      "a numeric type",
      (s) => s.append("a", 0, [...events(1), { type: 5, data: 1 } as unknown as NewEvent]),
      [/event 1/, /\b5\b/],
    ],
    ["a null event", (s) => s.append("a", 0, [null as unknown as NewEvent]), [/event 0/, /type/]],
    [
      "BigInt data",
      (s) => s.append("a", 0, [...events(1), { type: "Big", data: 1n as unknown as JsonValue }]),
      [/event 1 \(Big\)/, /JSON/, /BigInt/],
    ],
    [
      "cyclic data",
      (s) => s.append("a", 0, [{ type: "Loop", data: cyclic as unknown as JsonValue }]),
      [/event 0 \(Loop\)/, /circular/i],
    ],
    [
      "undefined data",
      (s) => s.append("a", 0, [{ type: "Opened" } as unknown as NewEvent]),
      [/event 0 \(Opened\)/, /JSON value/, /undefined/],
    ],
    [
      "a function as data",
      (s) => s.append("a", 0, [{ type: "Fn", data: (() => 1) as unknown as JsonValue }]),
      [/event 0 \(Fn\)/, /a function/],
    ],
    ["fromVersion 1.5", (s) => s.readStream("a", 1.5), [/integer >= 1/, /1\.5/]],
    ["fromPosition 0", (s) => s.readAll(0), [/integer >= 1/, /\b0\b/]],
    ["maxCount 2.5", (s) => s.readAll(1, 2.5), [/integer >= 1/, /2\.5/]],
    ["a string handler", (s) => s.subscribe(1, "nope" as unknown as () => void), [/handler/, /"nope"/]],
    [
      "a cyclic object as handler",
      (s) => s.subscribe(1, cyclic as unknown as () => void),
      [/handler/, /object Object/],
    ],
  ];

  test.each(cases)("the message for %s names the value", (_what, act, patterns) => {
    const store = open();
    let message = "";
    try {
      act(store);
    } catch (error) {
      if (!(error instanceof EventStoreError)) throw error;
      message = error.message;
    }
    for (const pattern of patterns) expect(message).toMatch(pattern);
  });

  test("a call on a closed store names the call", () => {
    const store = open();
    store.close();
    for (const [call, act] of [
      ["append", () => store.append("a", 0, events(1))],
      ["readStream", () => store.readStream("a")],
      ["readAll", () => store.readAll()],
      ["streamVersion", () => store.streamVersion("a")],
      ["headPosition", () => store.headPosition()],
      ["subscribe", () => store.subscribe(1, () => undefined)],
    ] as const) {
      let message = "";
      try {
        act();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(new RegExp(`^${call} on a closed event store`));
    }
  });
});

describe("hidden: SqliteEventStore connections", () => {
  test("a path that is not a file: the message names it", () => {
    const message = (file: unknown): string => {
      try {
        new SqliteEventStore(file as string);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(message(7)).toMatch(/path of a database file, got 7/);
    expect(message("")).toMatch(/got ""/);
    expect(message(":memory:")).toMatch(/InMemoryEventStore/);
    expect(message(undefined)).toMatch(/got undefined/);
  });

  test("three connections taking turns on one stream: versions and positions stay gapless, stale writers lose", () => {
    const connections = [openSqlite(), openSqlite(), openSqlite()];
    for (let turn = 0; turn < 9; turn++) {
      const writer = connections[turn % 3] as SqliteEventStore;
      const stale = connections[(turn + 1) % 3] as SqliteEventStore;
      const seen = writer.streamVersion("shared");
      writer.append("shared", seen, events(1, "Turn", turn));
      ensure(
        seen === turn,
        `turn ${turn}: the writing connection read version ${seen} of a stream the three connections had appended ${turn} events to`,
      );
      expect(() => stale.append("shared", seen, events(1, "Late"))).toThrow(WrongExpectedVersionError);
    }
    const all = (connections[0] as SqliteEventStore).readAll();
    expect(all.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.every((e) => e.type === "Turn")).toBe(true);
  });

  test("a subscription sees another connection's events, in position order, at the next append through its own", () => {
    const mine = openSqlite();
    const theirs = openSqlite();
    const got: string[] = [];
    mine.subscribe(1, (e) => got.push(`${e.position}:${e.stream}`));
    theirs.append("theirs", 0, events(2));
    mine.append("mine", 0, events(1));
    expect(got).toEqual(["1:theirs", "2:theirs", "3:mine"]);
  });

  test("an error that is not a conflict is not reported as one", () => {
    const store = openSqlite();
    store.append("a", 0, events(1));
    const raw = new Database(database.path);
    opened.push(raw);
    raw.exec("CREATE TRIGGER full_disk BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");
    let error: unknown;
    try {
      store.append("a", 1, events(2));
    } catch (caught) {
      error = caught;
    }
    raw.exec("DROP TRIGGER full_disk");
    ensure(
      // SqliteError comes from outside jest's sandbox, where `instanceof Error` is false: read its message.
      error !== undefined &&
        !(error instanceof WrongExpectedVersionError) &&
        /disk is full/.test(String((error as { message?: unknown }).message)),
      `an insert failed for another reason than a second event at one version (a trigger said "the disk is full"), and the append ${error === undefined ? "succeeded" : `threw ${String(error)}`}. ` +
        "Only a UNIQUE violation is a conflict; any other error must reach the caller as it is, or it retries for ever against a full disk.",
    );
    expect(store.readAll().length).toBe(1);
  });

  test("a store reopened after a refused append finds no trace of it", () => {
    const first = openSqlite();
    first.append("a", 0, events(2));
    expect(() => first.append("a", 1, events(3))).toThrow(WrongExpectedVersionError);
    first.close();
    const again = openSqlite();
    expect(again.headPosition()).toBe(2);
    expect(again.append("b", 0, events(1))).toEqual({ version: 1, position: 3 });
  });
});
