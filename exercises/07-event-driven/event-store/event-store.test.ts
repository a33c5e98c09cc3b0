import Database from "better-sqlite3";
import { codeOf, ensure, messageOf, tempDatabase, type TempDatabase } from "#kata/testing";
import { EventStoreError, WrongExpectedVersionError } from "./src/errors";
import {
  InMemoryEventStore,
  SqliteEventStore,
  type EventStore,
  type JsonValue,
  type NewEvent,
  type RecordedEvent,
} from "./src/event-store";

// Each test gets a database file of its own, removed afterwards with its journals.
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
      // a store that failed half-way may not close cleanly; the folder goes anyway
    }
  }
  database.remove();
});

function openSqlite(): SqliteEventStore {
  const store = new SqliteEventStore(database.path);
  opened.push(store);
  return store;
}

/** A plain connection to the test's file, as another program (a backup, a report) would open it. */
function openRaw(): Database.Database {
  const db = new Database(database.path);
  opened.push(db);
  return db;
}

const backends: { name: string; open: () => EventStore }[] = [
  {
    name: "InMemoryEventStore",
    open: () => {
      const store = new InMemoryEventStore();
      opened.push(store);
      return store;
    },
  },
  { name: "SqliteEventStore", open: openSqlite },
];

function event(type: string, data: JsonValue = {}): NewEvent {
  return { type, data };
}

/** n events "Deposited" with amounts 1..n (from `first`). */
function deposits(n: number, first = 1): NewEvent[] {
  return Array.from({ length: n }, (_, i) => event("Deposited", { amount: first + i }));
}

function versions(events: RecordedEvent[]): number[] {
  return events.map((e) => e.version);
}

function positions(events: RecordedEvent[]): number[] {
  return events.map((e) => e.position);
}

/** What `act` threw, or undefined if it returned. */
function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** How a call ended, for a failure message. */
function outcome(error: unknown): string {
  if (error === undefined) return "it succeeded";
  if (error instanceof EventStoreError) return `it threw ${error.name} ${error.code}`;
  if (error instanceof Error) return `it threw ${error.name}: ${error.message}`;
  return `it threw ${String(error)}`;
}

describe.each(backends)("$name", ({ name, open }) => {
  describe("append and read", () => {
    test("an empty store: no events, every stream at version 0, head at position 0", () => {
      const store = open();
      expect(store.headPosition()).toBe(0);
      expect(store.streamVersion("order-1")).toBe(0);
      expect(store.readAll()).toEqual([]);
      expect(store.readStream("order-1")).toEqual([]);
    });

    test("a new stream's events get versions 1, 2, 3 and the next global positions", () => {
      const store = open();
      const result = store.append("order-1", 0, [
        event("OrderPlaced", { customer: "c-9", lines: [{ sku: "A-1", qty: 2 }] }),
        event("OrderPaid", { amount: 40.5 }),
        event("OrderShipped", { carrier: null }),
      ]);
      expect(result).toEqual({ version: 3, position: 3 });
      expect(store.readStream("order-1")).toEqual([
        {
          stream: "order-1",
          version: 1,
          position: 1,
          type: "OrderPlaced",
          data: { customer: "c-9", lines: [{ sku: "A-1", qty: 2 }] },
        },
        { stream: "order-1", version: 2, position: 2, type: "OrderPaid", data: { amount: 40.5 } },
        { stream: "order-1", version: 3, position: 3, type: "OrderShipped", data: { carrier: null } },
      ]);
      expect(store.streamVersion("order-1")).toBe(3);
      expect(store.headPosition()).toBe(3);
    });

    test("versions count within a stream, positions across all streams in append order", () => {
      const store = open();
      store.append("account-a", 0, [event("Opened")]);
      store.append("account-b", 0, [event("Opened"), event("Deposited", { amount: 5 })]);
      const last = store.append("account-a", 1, [event("Deposited", { amount: 7 })]);
      expect(last).toEqual({ version: 2, position: 4 });
      const all = store.readAll();
      expect(all.map((e) => `${e.position}:${e.stream}@${e.version}`)).toEqual([
        "1:account-a@1",
        "2:account-b@1",
        "3:account-b@2",
        "4:account-a@2",
      ]);
      expect(versions(store.readStream("account-a"))).toEqual([1, 2]);
      expect(positions(store.readStream("account-a"))).toEqual([1, 4]);
      expect(store.streamVersion("account-b")).toBe(2);
    });

    test("each append continues its stream at the version it expected: no gap, no duplicate", () => {
      const store = open();
      store.append("cart-1", 0, deposits(1));
      store.append("cart-1", 1, deposits(2, 2));
      const got = versions(store.readStream("cart-1"));
      ensure(
        got.join() === "1,2,3",
        `after appending 1 event at expected version 0 and 2 at expected version 1, the stream's versions are ${got.join(", ")}; ` +
          "they must be 1, 2, 3: an append's events take the versions expectedVersion + 1, + 2, ...",
      );
    });
  });

  describe("optimistic concurrency: expected version", () => {
    test("an append that expects an older version is refused with WrongExpectedVersionError and writes nothing", () => {
      const store = open();
      store.append("order-7", 0, [event("OrderPlaced"), event("OrderPaid")]);
      // Two writers both read the stream at version 1; one appended first (version 2 now).
      const error = thrown(() => store.append("order-7", 1, [event("OrderCancelled")]));
      ensure(
        error instanceof WrongExpectedVersionError,
        `append("order-7", 1, ...) on a stream at version 2: ${outcome(error)}. A writer that read version 1 decided on ` +
          "stale state; the store must refuse with WrongExpectedVersionError (code WRONG_EXPECTED_VERSION).",
      );
      expect(error.code).toBe("WRONG_EXPECTED_VERSION");
      expect([error.stream, error.expectedVersion, error.actualVersion]).toEqual(["order-7", 1, 2]);
      const after = store.readStream("order-7");
      ensure(
        after.length === 2 && store.headPosition() === 2,
        `after the refused append the stream holds ${after.map((e) => e.type).join(", ")} and the head is at ` +
          `${store.headPosition()}: a refused append must write nothing.`,
      );
    });

    test("expecting version 0 (a new stream) for a stream that exists is refused", () => {
      const store = open();
      store.append("user-1", 0, [event("Registered")]);
      const error = thrown(() => store.append("user-1", 0, [event("Registered")]));
      ensure(
        error instanceof WrongExpectedVersionError && error.actualVersion === 1,
        `a second "create" of user-1 (expected version 0) when it is at version 1: ${outcome(error)}; ` +
          "expected version 0 means the stream must have no events, so this is WRONG_EXPECTED_VERSION with actualVersion 1.",
      );
      expect(store.readStream("user-1")).toHaveLength(1);
    });

    test("an append that expects a version ahead of the stream is refused: it would leave a gap", () => {
      const store = open();
      store.append("order-8", 0, [event("OrderPlaced"), event("OrderPaid")]);
      const error = thrown(() => store.append("order-8", 5, [event("OrderShipped")]));
      const got = versions(store.readStream("order-8"));
      ensure(
        error instanceof WrongExpectedVersionError && got.join() === "1,2",
        `append("order-8", 5, ...) on a stream at version 2: ${outcome(error)}, and the stream's versions are now ` +
          `${got.join(", ")}. An expected version ahead of the stream is as wrong as one behind it: compare with !==, ` +
          "not <, or the append lands at version 6 and leaves versions 3 to 5 missing.",
      );
    });

    test("a refused append uses up no position: the next event takes the next position", () => {
      const store = open();
      store.append("a", 0, deposits(2));
      expect(() => store.append("a", 0, deposits(3))).toThrow(WrongExpectedVersionError);
      const result = store.append("b", 0, deposits(1));
      ensure(
        result.position === 3 && store.headPosition() === 3 && positions(store.readAll()).join() === "1,2,3",
        `after 2 events and a refused append of 3, the next event got position ${result.position} ` +
          `(positions now ${positions(store.readAll()).join(", ")}); it must be 3. The refused append used up a position: ` +
          "check the version before taking positions, so that positions stay gapless.",
      );
    });

    test("of two writers that read the same version, the first to append wins and the second must reload", () => {
      const store = open();
      store.append("seat-12A", 0, [event("SeatReleased")]);
      const readByAlice = store.streamVersion("seat-12A");
      const readByBob = store.streamVersion("seat-12A");
      store.append("seat-12A", readByAlice, [event("SeatBooked", { by: "alice" })]);
      expect(() => store.append("seat-12A", readByBob, [event("SeatBooked", { by: "bob" })])).toThrow(
        WrongExpectedVersionError,
      );
      const retry = store.append("seat-12A", store.streamVersion("seat-12A"), [event("WaitlistJoined", { by: "bob" })]);
      expect(retry).toEqual({ version: 3, position: 3 });
      expect(store.readStream("seat-12A").map((e) => e.data)).toEqual([{}, { by: "alice" }, { by: "bob" }]);
    });
  });

  describe("reading from a version or a position", () => {
    test("readStream from a version includes the event at that version", () => {
      const store = open();
      store.append("log-1", 0, deposits(5));
      store.append("log-2", 0, deposits(2));
      const fromThree = store.readStream("log-1", 3);
      ensure(
        versions(fromThree).join() === "3,4,5",
        `readStream("log-1", 3) on versions 1-5 gave versions ${versions(fromThree).join(", ") || "none"}; ` +
          "reading from a version includes the event at fromVersion itself (version >= fromVersion): 3, 4, 5.",
      );
      expect(versions(store.readStream("log-1", 5))).toEqual([5]);
      expect(store.readStream("log-1", 6)).toEqual([]);
      expect(versions(store.readStream("log-1", 2, 2))).toEqual([2, 3]);
      expect(versions(store.readStream("log-1", 1, 50))).toEqual([1, 2, 3, 4, 5]);
      expect(store.readStream("log-3")).toEqual([]);
    });

    test("readAll from a position includes that position; pages of maxCount cover the log exactly once", () => {
      const store = open();
      store.append("x", 0, deposits(4));
      store.append("y", 0, deposits(3));
      const fromFive = store.readAll(5);
      ensure(
        positions(fromFive).join() === "5,6,7",
        `readAll(5) on positions 1-7 gave ${positions(fromFive).join(", ") || "none"}; reading from a position ` +
          "includes the event at fromPosition itself: 5, 6, 7.",
      );
      const pages: number[][] = [];
      for (let from = 1; ;) {
        const page = store.readAll(from, 3);
        if (page.length === 0) break;
        pages.push(positions(page));
        from = (page[page.length - 1] as RecordedEvent).position + 1;
        if (pages.length > 10) break;
      }
      ensure(
        JSON.stringify(pages) === "[[1,2,3],[4,5,6],[7]]",
        `paging readAll(from, 3) from 1, each next page from the last position + 1, gave ${JSON.stringify(pages)}; ` +
          "expected [[1,2,3],[4,5,6],[7]]: every event once, none skipped or repeated at a page's edge.",
      );
      expect(store.readAll(8)).toEqual([]);
    });

    test("an event's data comes back equal to what was appended, as a copy the caller cannot change", () => {
      const store = open();
      const data = { items: [{ sku: "café-☕", qty: 1 }], note: 'line\nbreak "quoted"', total: 12.75, gift: false };
      store.append("order-9", 0, [{ type: "OrderPlaced", data }]);
      data.items.push({ sku: "added-later", qty: 9 });
      data.total = 0;
      const read = store.readStream("order-9")[0] as RecordedEvent;
      (read.data as { total: number }).total = -1;
      const again = (store.readStream("order-9")[0] as RecordedEvent).data;
      const expected = { items: [{ sku: "café-☕", qty: 1 }], note: 'line\nbreak "quoted"', total: 12.75, gift: false };
      ensure(
        JSON.stringify(again) === JSON.stringify(expected),
        `the stored event now reads ${JSON.stringify(again)}: changing the object after appending it, or changing an ` +
          "event read back, changed the store's history. Keep a copy (its JSON text, as the database does) and hand " +
          "out a copy on every read.",
      );
      expect(store.readAll()[0]?.data).toEqual(expected);
    });
  });

  describe("subscriptions: catch-up, then live", () => {
    test("a subscription catches up on stored events, then receives each new one live, each once, in order", () => {
      const store = open();
      store.append("a", 0, deposits(2));
      store.append("b", 0, deposits(1));
      const got: number[] = [];
      const subscription = store.subscribe(1, (e) => got.push(e.position));
      ensure(
        got.join() === "1,2,3",
        `right after subscribe(1) on positions 1-3 the handler had ${got.join(", ") || "nothing"}; catch-up delivers ` +
          "every stored event from the position given before subscribe returns.",
      );
      store.append("a", 2, deposits(2));
      store.append("c", 0, deposits(1));
      ensure(
        got.join() === "1,2,3,4,5,6",
        `after two more appends the handler had ${got.join(", ")}; live delivery must follow catch-up with no gap ` +
          "or repeat: 1 to 6, once each, before each append returns.",
      );
      expect(subscription.nextPosition).toBe(7);
      expect(subscription.closed).toBe(false);
      expect(subscription.error).toBeUndefined();
    });

    test("a subscription from a middle position starts exactly there", () => {
      const store = open();
      store.append("a", 0, deposits(5));
      const got: number[] = [];
      const subscription = store.subscribe(3, (e) => got.push(e.position));
      ensure(
        got.join() === "3,4,5",
        `subscribe(3) on positions 1-5 delivered ${got.join(", ") || "nothing"}; a subscription from a position ` +
          "includes the event at that position (a consumer resumes from its saved nextPosition): 3, 4, 5.",
      );
      expect(subscription.nextPosition).toBe(6);
    });

    test("a subscription from past the head waits for that position", () => {
      const store = open();
      store.append("a", 0, deposits(2));
      const got: number[] = [];
      store.subscribe(4, (e) => got.push(e.position));
      expect(got).toEqual([]);
      store.append("a", 2, deposits(3));
      expect(got).toEqual([4, 5]);
    });

    test("events a handler appends during catch-up are delivered after the event in hand, exactly once", () => {
      const store = open();
      store.append("order-1", 0, [event("OrderPlaced"), event("OrderPaid")]);
      const got: string[] = [];
      store.subscribe(1, (e) => {
        got.push(`${e.position}:${e.type}`);
        // A process manager: every OrderPlaced asks for the stock to be reserved.
        if (e.type === "OrderPlaced")
          store.append("stock", store.streamVersion("stock"), [event("ReservationRequested")]);
      });
      const expected = ["1:OrderPlaced", "2:OrderPaid", "3:ReservationRequested"];
      ensure(
        got.join() === expected.join(),
        `the handler saw ${got.join(", ")}; expected ${expected.join(", ")}. The event it appended while catching up ` +
          `(position 3) must be delivered once, after position 2: ${got.includes("3:ReservationRequested") ? "it came in the middle of another delivery or twice" : "it was lost, appended during catch-up after the catch-up's read and before live delivery began"}. ` +
          "Deliver by reading from the next position you owe until there is nothing left, catch-up and live alike.",
      );
    });

    test("events a handler appends during live delivery come after the rest of the batch, in position order", () => {
      const store = open();
      const got: string[] = [];
      store.subscribe(1, (e) => {
        got.push(`${e.position}:${e.type}`);
        if (e.type === "OrderPlaced")
          store.append("stock", store.streamVersion("stock"), [event("ReservationRequested")]);
      });
      store.append("order-2", 0, [event("OrderPlaced"), event("OrderPaid")]);
      const expected = ["1:OrderPlaced", "2:OrderPaid", "3:ReservationRequested"];
      ensure(
        got.join() === expected.join(),
        `the handler saw ${got.join(", ")}; expected ${expected.join(", ")}. An append made by a handler must not be ` +
          "delivered in the middle of the delivery in progress: position 3 comes after position 2.",
      );
    });

    test("a handler that throws ends its subscription at that event; subscribing from nextPosition retries it", () => {
      const store = open();
      const failing: number[] = [];
      const steady: number[] = [];
      const failure = new Error("projection database unavailable");
      const flaky = store.subscribe(1, (e) => {
        if (e.position === 2) throw failure;
        failing.push(e.position);
      });
      store.subscribe(1, (e) => steady.push(e.position));
      const result = store.append("a", 0, deposits(3));
      expect(result).toEqual({ version: 3, position: 3 });
      expect(steady).toEqual([1, 2, 3]);
      expect(failing).toEqual([1]);
      expect(flaky.closed).toBe(true);
      expect(flaky.error).toBe(failure);
      ensure(
        flaky.nextPosition === 2,
        `the handler threw on position 2, and nextPosition is ${flaky.nextPosition}. It must stay at 2: the checkpoint ` +
          "moves only once the handler has returned, or a consumer resuming from it skips an event its handler never finished.",
      );
      const retried: number[] = [];
      store.subscribe(flaky.nextPosition, (e) => retried.push(e.position));
      expect(retried).toEqual([2, 3]);
    });

    test("close() stops delivery and keeps nextPosition where a consumer resumes", () => {
      const store = open();
      store.append("a", 0, deposits(2));
      const got: number[] = [];
      const subscription = store.subscribe(1, (e) => got.push(e.position));
      subscription.close();
      subscription.close();
      store.append("a", 2, deposits(1));
      expect(got).toEqual([1, 2]);
      expect(subscription.closed).toBe(true);
      expect(subscription.nextPosition).toBe(3);
      expect(subscription.error).toBeUndefined();
    });

    test("a refused append delivers nothing", () => {
      const store = open();
      store.append("a", 0, deposits(1));
      const got: number[] = [];
      store.subscribe(1, (e) => got.push(e.position));
      expect(() => store.append("a", 0, deposits(2))).toThrow(WrongExpectedVersionError);
      expect(got).toEqual([1]);
    });
  });

  describe("close", () => {
    test("after close() every call is refused with CLOSED and subscriptions are closed; close() twice is harmless", () => {
      const store = open();
      store.append("a", 0, deposits(1));
      const subscription = store.subscribe(1, () => undefined);
      store.close();
      store.close();
      expect(subscription.closed).toBe(true);
      const calls: [string, () => unknown][] = [
        ["append", () => store.append("a", 1, deposits(1))],
        ["readStream", () => store.readStream("a")],
        ["readAll", () => store.readAll()],
        ["streamVersion", () => store.streamVersion("a")],
        ["headPosition", () => store.headPosition()],
        ["subscribe", () => store.subscribe(1, () => undefined)],
      ];
      for (const [call, act] of calls) {
        const error = thrown(act);
        ensure(
          error instanceof EventStoreError && error.code === "CLOSED",
          `${call} on a closed ${name}: ${outcome(error)}; it must throw EventStoreError CLOSED.`,
        );
      }
    });
  });

  describe("bad input gets an EventStoreError with a code, and writes nothing", () => {
    const cases: [string, string, (store: EventStore) => unknown][] = [
      ["an empty stream id", "INVALID_STREAM", (s) => s.append("", 0, deposits(1))],
      ["a stream id that is not a string", "INVALID_STREAM", (s) => s.append(42 as unknown as string, 0, deposits(1))],
      ["expected version -1", "INVALID_EXPECTED_VERSION", (s) => s.append("a", -1, deposits(1))],
      ["expected version 1.5", "INVALID_EXPECTED_VERSION", (s) => s.append("a", 1.5, deposits(1))],
      ["expected version NaN", "INVALID_EXPECTED_VERSION", (s) => s.append("a", Number.NaN, deposits(1))],
      ["no events", "INVALID_EVENTS", (s) => s.append("a", 0, [])],
      ["events that are not an array", "INVALID_EVENTS", (s) => s.append("a", 0, "x" as unknown as NewEvent[])],
      ["an event with an empty type", "INVALID_EVENT", (s) => s.append("a", 0, [event("Ok"), event("")])],
      ["an event without data", "INVALID_EVENT", (s) => s.append("a", 0, [{ type: "Opened" } as unknown as NewEvent])],
      [
        "data JSON cannot encode (a BigInt)",
        "INVALID_EVENT",
        (s) => s.append("a", 0, [event("Ok"), { type: "Big", data: 10n as unknown as JsonValue }]),
      ],
      ["readStream from version 0", "INVALID_VERSION", (s) => s.readStream("a", 0)],
      ["readStream from version 2.5", "INVALID_VERSION", (s) => s.readStream("a", 2.5)],
      ["readStream of an empty stream id", "INVALID_STREAM", (s) => s.readStream("")],
      ["readAll from position 0", "INVALID_POSITION", (s) => s.readAll(0)],
      ["readAll with maxCount 0", "INVALID_COUNT", (s) => s.readAll(1, 0)],
      ["readStream with maxCount -1", "INVALID_COUNT", (s) => s.readStream("a", 1, -1)],
      ["subscribe from position 0", "INVALID_POSITION", (s) => s.subscribe(0, () => undefined)],
      ["subscribe with no handler", "INVALID_HANDLER", (s) => s.subscribe(1, undefined as unknown as () => void)],
      ["streamVersion of an empty stream id", "INVALID_STREAM", (s) => s.streamVersion("")],
    ];

    test.each(cases)("%s is refused with %s", (what, code, act) => {
      const store = open();
      expect(codeOf(EventStoreError, () => act(store))).toBe(code);
      const written = store.readAll();
      ensure(
        written.length === 0 && store.headPosition() === 0,
        `a call refused for ${what} left ${written.length} event(s) in the store (${written.map((e) => e.type).join(", ")}): ` +
          "check every argument, every event of the batch included, before writing anything.",
      );
    });

    test("the messages name the value that was wrong", () => {
      const store = open();
      expect(messageOf(EventStoreError, () => store.append("a", 1.5, deposits(1)))).toMatch(/1\.5/);
      expect(messageOf(EventStoreError, () => store.readAll(-3))).toMatch(/-3/);
      expect(messageOf(EventStoreError, () => store.append("a", 0, [event("Ok"), event("")]))).toMatch(/event 1/);
    });

    test("the conflict message names the stream, both versions, and what to do", () => {
      const store = open();
      store.append("order-3", 0, deposits(4));
      const message = messageOf(EventStoreError, () => store.append("order-3", 2, deposits(1)));
      expect(message).toMatch(/"order-3"/);
      expect(message).toMatch(/2/);
      expect(message).toMatch(/4/);
      expect(message).toMatch(/read the stream again/i);
    });
  });
});

describe("SqliteEventStore on a file", () => {
  test("events survive close and reopen, and appends continue the versions and positions", () => {
    const first = openSqlite();
    first.append("account-1", 0, [event("Opened", { owner: "Ada" }), event("Deposited", { amount: 100 })]);
    first.append("account-2", 0, [event("Opened", { owner: "Grace" })]);
    const before = first.readAll();
    first.close();
    const reopened = openSqlite();
    ensure(
      JSON.stringify(reopened.readAll()) === JSON.stringify(before),
      `after close and reopen, readAll() gave ${JSON.stringify(reopened.readAll())}; expected the 3 events written before: ` +
        "the events must be in the file, committed, not only in the closed object's memory.",
    );
    expect(reopened.streamVersion("account-1")).toBe(2);
    expect(reopened.headPosition()).toBe(3);
    const result = reopened.append("account-1", 2, [event("Withdrawn", { amount: 30 })]);
    ensure(
      result.version === 3 && result.position === 4,
      `the first append after reopening got version ${result.version} and position ${result.position}; it must continue ` +
        "the file's stream (version 3) and log (position 4): read both from the database, not from counters that start afresh.",
    );
    expect(() => reopened.append("account-2", 0, deposits(1))).toThrow(WrongExpectedVersionError);
  });

  test("two connections to one file see each other's events, and each checks versions against the file", () => {
    const alice = openSqlite();
    const bob = openSqlite();
    alice.append("order-5", 0, [event("OrderPlaced")]);
    expect(bob.streamVersion("order-5")).toBe(1);
    bob.append("order-5", 1, [event("OrderPaid")]);
    expect(versions(alice.readStream("order-5"))).toEqual([1, 2]);
    ensure(
      alice.streamVersion("order-5") === 2,
      `connection A appended version 1, connection B then appended version 2, and A's streamVersion says ` +
        `${alice.streamVersion("order-5")}: a version kept in memory is stale as soon as another connection writes. Read it from the database.`,
    );
    // Alice last wrote version 1 herself; Bob has written version 2 since.
    const error = thrown(() => alice.append("order-5", 1, [event("OrderCancelled")]));
    ensure(
      error instanceof WrongExpectedVersionError && error.actualVersion === 2,
      `connection A appended version 1, connection B then appended version 2 to the same file, and A's append at ` +
        `expected version 1 was answered: ${outcome(error)}. It must be WRONG_EXPECTED_VERSION with actualVersion 2: ` +
        "check the version in the database, inside the transaction; a version kept in memory is stale as soon as another connection writes.",
    );
    expect(versions(bob.readStream("order-5"))).toEqual([1, 2]);
    const a = alice.append("other", 0, deposits(1));
    const b = bob.append("another", 0, deposits(1));
    ensure(
      a.position === 3 && b.position === 4,
      `appends through two connections got positions ${a.position} and ${b.position} after positions 1-2; ` +
        "positions are global to the file: 3 and 4, never a number one connection counted for itself.",
    );
  });

  test("two connections racing for the same version: exactly one wins", () => {
    const first = openSqlite();
    const second = openSqlite();
    first.append("seat-1A", 0, [event("SeatReleased")]);
    const seenByFirst = first.streamVersion("seat-1A");
    const seenBySecond = second.streamVersion("seat-1A");
    first.append("seat-1A", seenByFirst, [event("SeatBooked", { by: "first" })]);
    const error = thrown(() => second.append("seat-1A", seenBySecond, [event("SeatBooked", { by: "second" })]));
    const booked = first.readStream("seat-1A").filter((e) => e.type === "SeatBooked");
    ensure(
      error instanceof WrongExpectedVersionError && booked.length === 1,
      `both connections read version 1 and both appended at expected version 1: the second ${outcome(error)} and ` +
        `the seat is now booked ${booked.length} times. The loser must get WRONG_EXPECTED_VERSION and write nothing.`,
    );
  });

  test("the table is events(position, stream, version, type, data), and the database itself refuses a second event at one version", () => {
    const store = openSqlite();
    store.append("order-4", 0, [event("OrderPlaced", { total: 3 })]);
    const raw = openRaw();
    const rows = raw.prepare("SELECT position, stream, version, type, data FROM events ORDER BY position").all();
    expect(rows).toEqual([{ position: 1, stream: "order-4", version: 1, type: "OrderPlaced", data: '{"total":3}' }]);
    const error = thrown(() =>
      raw
        .prepare("INSERT INTO events (stream, version, type, data) VALUES (?, ?, ?, ?)")
        .run("order-4", 1, "OrderPlaced", "{}"),
    );
    ensure(
      error !== undefined,
      "another program inserted a second event at order-4 version 1 and the database accepted it. Declare " +
        "UNIQUE (stream, version) on the table: when two writers race past the version check, the database refuses the second.",
    );
  });

  test("a writer that gets in between the version check and the insert makes the append fail whole, with WrongExpectedVersionError", () => {
    const store = openSqlite();
    store.append("order-6", 0, [event("OrderPlaced")]);
    const got: string[] = [];
    store.subscribe(1, (e) => got.push(`${e.position}:${e.type}`));
    // Another writer's event lands at version 3 just before this connection inserts its own version 3.
    const raw = openRaw();
    raw.exec(`CREATE TRIGGER another_writer BEFORE INSERT ON events
              WHEN NEW.stream = 'order-6' AND NEW.version = 3 AND NEW.type <> 'ByAnotherWriter'
              BEGIN
                INSERT INTO events (stream, version, type, data) VALUES (NEW.stream, NEW.version, 'ByAnotherWriter', '{}');
              END`);
    const error = thrown(() =>
      store.append("order-6", 1, [event("OrderPaid"), event("OrderShipped"), event("OrderDelivered")]),
    );
    raw.exec("DROP TRIGGER another_writer");
    const stored = raw.prepare("SELECT version, type FROM events WHERE stream = 'order-6' ORDER BY position").all() as {
      version: number;
      type: string;
    }[];
    const shown = stored.map((row) => `${row.version}:${row.type}`).join(", ");
    const atThree = stored.filter((row) => row.version === 3).length;
    ensure(
      atThree <= 1,
      `the stream now holds ${shown}: two events at version 3, one by each writer. Declare UNIQUE (stream, version) on ` +
        "the table, so that the database refuses the second writer's insert whatever the check before it saw.",
    );
    ensure(
      stored.length === 1,
      `the batch OrderPaid, OrderShipped, OrderDelivered hit another writer's event at version 3, and the stream now ` +
        `holds ${shown}. A batch is all or nothing: insert its events in one transaction, so that a failure at ` +
        "any of them rolls back the ones before it.",
    );
    ensure(
      error instanceof WrongExpectedVersionError,
      `the append ran into another writer's event at version 3 (the UNIQUE constraint refused its insert), and ${outcome(error)}. ` +
        "That is the same conflict as a failed version check: report it as WrongExpectedVersionError.",
    );
    ensure(
      got.join() === "1:OrderPlaced",
      `a subscriber received ${got.join(", ")} although the append failed: events were delivered before the append ` +
        "committed. Deliver only after the transaction commits, or subscribers see events the store never kept.",
    );
    expect(store.append("order-6", 1, [event("OrderPaid")])).toEqual({ version: 2, position: 2 });
    expect(got).toEqual(["1:OrderPlaced", "2:OrderPaid"]);
  });

  test("a path that is not a file is refused with INVALID_FILE", () => {
    expect(codeOf(EventStoreError, () => new SqliteEventStore(""))).toBe("INVALID_FILE");
    expect(codeOf(EventStoreError, () => new SqliteEventStore(":memory:"))).toBe("INVALID_FILE");
    expect(codeOf(EventStoreError, () => new SqliteEventStore(7 as unknown as string))).toBe("INVALID_FILE");
  });
});
