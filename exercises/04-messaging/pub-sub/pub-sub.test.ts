import { codeOf, deferred, ensure, flushPromises, messageOf as messageOfError, type Deferred } from "#kata/testing";
import { PubSubError } from "./src/errors";
import { PubSub, type Message, type PubSubOptions, type SubscriberFailure, type Subscription } from "./src/pub-sub";

/** A broker on a clock the test moves by hand, recording every failure it reports. */
function setup(options: PubSubOptions<string> = {}) {
  const clock = { now: 1_000 };
  const failures: SubscriberFailure<string>[] = [];
  const broker = new PubSub<string>({
    clock: () => clock.now,
    onSubscriberError: (failure) => failures.push(failure),
    ...options,
  });
  return { broker, clock, failures };
}

/** A handler that records the offsets it is given, in order. */
function recorder() {
  const offsets: number[] = [];
  return { offsets, handler: (message: Message<string>) => void offsets.push(message.offset) };
}

/** A handler whose every call returns a promise the test settles, one per message, in order. */
function slowRecorder() {
  const offsets: number[] = [];
  const calls: Deferred<undefined>[] = [];
  const handler = (message: Message<string>): Promise<void> => {
    offsets.push(message.offset);
    const call = deferred<undefined>();
    calls.push(call);
    return call.promise;
  };
  const settled = new Set<Deferred<undefined>>();
  /** Settles the oldest unsettled call, then lets the broker react. */
  async function finishNext(): Promise<void> {
    const call = calls.find((c) => !settled.has(c));
    if (call === undefined) throw new Error("the slow subscriber has no call in progress to finish");
    settled.add(call);
    call.resolve(undefined);
    await flushPromises();
  }
  return { offsets, calls, handler, finishNext };
}

function publishMany(broker: PubSub<string>, topic: string, count: number): void {
  for (let i = 0; i < count; i++) broker.publish(topic, `${topic}-${i}`);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** What is wrong with a list of delivered offsets, in words: missing, repeated, out of order. */
function offsetsProblem(got: number[], expected: number[]): string {
  const missing = expected.filter((o) => !got.includes(o));
  const twice = [...new Set(got.filter((o, i) => got.indexOf(o) !== i))];
  const extra = [...new Set(got.filter((o) => !expected.includes(o)))];
  const parts = [
    missing.length > 0 ? `missing ${missing.join(", ")}` : "",
    twice.length > 0 ? `delivered twice: ${twice.join(", ")}` : "",
    extra.length > 0 ? `not expected at all: ${extra.join(", ")}` : "",
  ].filter((p) => p !== "");
  return parts.length > 0 ? parts.join("; ") : "the same offsets in another order";
}

/** Fails with `lesson` unless `got` is exactly `expected`, saying what differs. */
function expectOffsets(who: string, got: number[], expected: number[], lesson: string): void {
  try {
    ensure(
      got.length === expected.length && got.every((o, i) => o === expected[i]),
      `${who} got offsets [${got.join(", ")}], expected [${expected.join(", ")}] (${offsetsProblem(got, expected)}). ${lesson}`,
    );
  } catch (error) {
    Error.captureStackTrace(error as Error, expectOffsets); // point the code frame at the test's line
    throw error;
  }
}

const messageOf = (act: () => unknown): string => messageOfError(PubSubError, act);

describe("fan-out", () => {
  test("every subscriber gets every message published after it subscribed, once, in publish order", () => {
    const { broker } = setup();
    broker.createTopic("orders");
    const early = recorder();
    broker.subscribe("orders", early.handler);
    publishMany(broker, "orders", 3);
    const late = recorder();
    broker.subscribe("orders", late.handler);
    publishMany(broker, "orders", 4);
    expectOffsets("the first subscriber", early.offsets, range(0, 7), "It subscribed before anything was published.");
    expectOffsets(
      "a subscriber that joined after offset 2",
      late.offsets,
      range(3, 7),
      'Starting at "latest" (the default) means exactly the messages published after subscribe(), even when the topic retains older ones.',
    );
  });

  test("publish returns the message: per-topic offsets from 0, publishedAt from the clock, the payload", () => {
    const { broker, clock } = setup();
    broker.createTopic("a");
    broker.createTopic("b");
    const first = broker.publish("a", "x");
    clock.now = 1_250;
    const second = broker.publish("a", "y");
    const other = broker.publish("b", "z");
    expect(first).toEqual({ topic: "a", offset: 0, publishedAt: 1_000, payload: "x" });
    expect(second).toEqual({ topic: "a", offset: 1, publishedAt: 1_250, payload: "y" });
    expect(other).toEqual({ topic: "b", offset: 0, publishedAt: 1_250, payload: "z" });
  });

  test("a subscriber hears only its own topic, and gets the message publish returned", () => {
    const { broker } = setup();
    broker.createTopic("orders");
    broker.createTopic("payments");
    const got: Message<string>[] = [];
    broker.subscribe("orders", (message) => void got.push(message));
    broker.publish("payments", "p-1");
    const sent = broker.publish("orders", "o-1");
    expect(got).toEqual([sent]);
  });

  test("the handler's second argument is its own subscription", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const seen: Subscription[] = [];
    const subscription = broker.subscribe("t", (_message, own) => void seen.push(own));
    broker.publish("t", "x");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(subscription);
  });
});

describe("subscribing and unsubscribing during a delivery", () => {
  test("a subscriber added by a handler gets the next message, not the one being delivered", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const added = recorder();
    let subscribed = false;
    broker.subscribe("t", () => {
      if (!subscribed) broker.subscribe("t", added.handler);
      subscribed = true;
    });
    publishMany(broker, "t", 3);
    expectOffsets(
      "a subscriber added during the delivery of offset 0",
      added.offsets,
      [1, 2],
      "Offset 0 was published before it subscribed during the delivery, so it must not get it: a fan-out loop that walks the live subscriber list also visits subscribers appended while it runs. Fan out to the subscribers the topic had when the message was published (copy the list when it changes, not on every publish).",
    );
  });

  test("a subscriber that unsubscribes itself mid fan-out does not make the next one miss the message", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const before = recorder();
    const after = recorder();
    broker.subscribe("t", before.handler);
    broker.subscribe("t", (_message, own) => own.unsubscribe());
    broker.subscribe("t", after.handler);
    publishMany(broker, "t", 2);
    expectOffsets(
      "the subscriber after one that unsubscribed itself during the delivery",
      after.offsets,
      [0, 1],
      "Removing a subscriber from the very array a fan-out loop is walking (splice) shifts the next subscriber under the loop's index, and it is skipped. Unsubscribing during a delivery must not disturb the delivery in progress: walk a list nobody changes.",
    );
    expectOffsets("the subscriber before it", before.offsets, [0, 1], "");
  });

  test("a subscriber unsubscribed by an earlier handler of the same fan-out gets nothing more", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const victim = recorder();
    const later: { subscription?: Subscription } = {};
    broker.subscribe("t", () => later.subscription?.unsubscribe());
    later.subscription = broker.subscribe("t", victim.handler);
    publishMany(broker, "t", 2);
    expectOffsets(
      "a subscriber unsubscribed by the handler before it",
      victim.offsets,
      [],
      "unsubscribe() took effect before its turn in the fan-out of offset 0, so it must not be called: no delivery after unsubscribe, even when the fan-out began before it.",
    );
  });
});

describe("a failing subscriber is isolated", () => {
  test("a handler that throws does not stop the fan-out, and publish does not throw", () => {
    const { broker } = setup();
    broker.createTopic("t");
    broker.subscribe("t", () => {
      throw new Error("billing is down");
    });
    const next = recorder();
    broker.subscribe("t", next.handler);
    let thrown: unknown;
    try {
      publishMany(broker, "t", 2);
    } catch (error) {
      thrown = error;
    }
    ensure(
      thrown === undefined,
      `publish() threw "${(thrown as Error | undefined)?.message}", one subscriber's error: the throw aborted the fan-out loop, so every subscriber after it missed the message. Catch each handler call on its own, report the error, and go on to the next subscriber.`,
    );
    expectOffsets(
      "the subscriber after a throwing one",
      next.offsets,
      [0, 1],
      "A throw in one handler must not stop delivery to the others.",
    );
  });

  test("the error is reported to onSubscriberError, with its message and subscription, and counted", () => {
    const { broker, failures } = setup();
    broker.createTopic("t");
    const boom = new Error("malformed order");
    const failing = broker.subscribe("t", (message) => {
      if (message.offset === 1) throw boom;
    });
    publishMany(broker, "t", 3);
    ensure(
      failures.length === 1,
      `the handler threw once (at offset 1) and onSubscriberError was called ${failures.length} times: an error caught and dropped is swallowed, and nobody learns that a subscriber is failing. Report every failure, and only failures.`,
    );
    const [failure] = failures;
    expect(failure?.error).toBe(boom);
    expect(failure?.message.offset).toBe(1);
    expect(failure?.subscription).toBe(failing);
    expect(failure?.topic).toBe("t");
    expect(failing.stats()).toMatchObject({ delivered: 3, failed: 1 });
    expect(failing.active).toBe(true);
  });

  test("a handler that keeps throwing still gets every message, each reported", () => {
    const { broker, failures } = setup();
    broker.createTopic("t");
    const offsets: number[] = [];
    broker.subscribe("t", (message) => {
      offsets.push(message.offset);
      throw new Error(`cannot handle ${message.offset}`);
    });
    publishMany(broker, "t", 3);
    expectOffsets(
      "a subscriber that throws every time",
      offsets,
      [0, 1, 2],
      "A failure is about one message, not the subscription.",
    );
    expect(failures.map((f) => (f.error as Error).message)).toEqual([
      "cannot handle 0",
      "cannot handle 1",
      "cannot handle 2",
    ]);
  });

  test("a promise that rejects is reported too, and delivery to that subscriber goes on", async () => {
    const { broker, failures } = setup();
    broker.createTopic("t");
    const offsets: number[] = [];
    const failing = broker.subscribe("t", async (message) => {
      offsets.push(message.offset);
      await Promise.resolve();
      if (message.offset === 0) throw new Error("rejected");
    });
    publishMany(broker, "t", 2);
    await flushPromises();
    ensure(
      failures.length === 1 && (failures[0]?.error as Error).message === "rejected",
      `a handler's promise rejected and onSubscriberError got ${failures.length} failures: a rejection is a failure like a throw, and must be reported, not swallowed.`,
    );
    expect(offsets).toEqual([0, 1]);
    expect(failing.stats()).toMatchObject({ delivered: 2, failed: 1, pending: 0 });
  });
});

describe("a slow subscriber is isolated", () => {
  test("a subscriber whose promise has not settled does not hold up the others", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const slow = slowRecorder();
    broker.subscribe("t", slow.handler);
    const fast = recorder();
    broker.subscribe("t", fast.handler);
    publishMany(broker, "t", 5);
    expectOffsets(
      "a fast subscriber beside one whose handler has not finished",
      fast.offsets,
      range(0, 5),
      "The slow subscriber blocks everyone if the broker waits for its promise before delivering further. Only the slow subscriber waits: its messages go to its own buffer, everyone else is served at once.",
    );
    expectOffsets(
      "the slow subscriber, still busy with its first message",
      slow.offsets,
      [0],
      "A subscriber handles one message at a time: do not call it again before its promise settles.",
    );
  });

  test("the slow subscriber gets what waited for it, one at a time, in order", async () => {
    const { broker } = setup();
    broker.createTopic("t");
    const slow = slowRecorder();
    const subscription = broker.subscribe("t", slow.handler);
    publishMany(broker, "t", 4);
    expect(subscription.stats()).toMatchObject({ delivered: 1, pending: 3 });
    for (let done = 1; done <= 3; done++) {
      await slow.finishNext();
      expectOffsets(
        `the slow subscriber after ${done} of its calls finished`,
        slow.offsets,
        range(0, done + 1),
        "When its promise settles, the next waiting message is delivered, and only that one.",
      );
    }
    await slow.finishNext();
    expect(subscription.stats()).toMatchObject({ delivered: 4, pending: 0, dropped: 0 });
  });

  test("drop-oldest: a full buffer drops its oldest message, counts it, and holds exactly bufferSize", async () => {
    const { broker } = setup();
    broker.createTopic("t");
    const slow = slowRecorder();
    const subscription = broker.subscribe("t", slow.handler, { bufferSize: 3, overflow: "drop-oldest" });
    publishMany(broker, "t", 4); // 0 is being handled, 1-3 wait: the buffer is full, nothing dropped
    ensure(
      subscription.stats().dropped === 0,
      `bufferSize 3 and three messages waiting (offset 0 is being handled and does not count): ${subscription.stats().dropped} dropped already. A buffer of bufferSize holds exactly bufferSize messages.`,
    );
    publishMany(broker, "t", 6); // offsets 4-9: each drops the oldest waiting one
    const stats = subscription.stats();
    ensure(
      stats.pending === 3 && stats.dropped === 6,
      `with bufferSize 3, a subscriber stuck on offset 0 while 9 more messages arrived holds ${stats.pending} and dropped ${stats.dropped}; a bounded buffer holds 3 and drops 6. An unbounded buffer grows with every message a stuck subscriber misses, until the process runs out of memory.`,
    );
    for (let i = 0; i < 4; i++) await slow.finishNext();
    expectOffsets(
      "a drop-oldest subscriber",
      slow.offsets,
      [0, 7, 8, 9],
      "drop-oldest keeps the newest bufferSize messages.",
    );
  });

  test("drop-newest: a full buffer refuses the arriving message", async () => {
    const { broker } = setup();
    broker.createTopic("t");
    const slow = slowRecorder();
    const subscription = broker.subscribe("t", slow.handler, { bufferSize: 3, overflow: "drop-newest" });
    publishMany(broker, "t", 10);
    expect(subscription.stats()).toMatchObject({ pending: 3, dropped: 6 });
    for (let i = 0; i < 4; i++) await slow.finishNext();
    expectOffsets(
      "a drop-newest subscriber",
      slow.offsets,
      [0, 1, 2, 3],
      "drop-newest keeps the oldest bufferSize messages.",
    );
  });

  test("disconnect: a full buffer closes the subscription, reports why, and counts what it lost", async () => {
    const { broker } = setup();
    broker.createTopic("t");
    const slow = slowRecorder();
    const subscription = broker.subscribe("t", slow.handler, { bufferSize: 3, overflow: "disconnect" });
    publishMany(broker, "t", 4);
    expect(subscription.active).toBe(true);
    broker.publish("t", "one too many");
    ensure(
      !subscription.active && subscription.closeReason === "overflow",
      `bufferSize 3, offsets 1-3 waiting, and offset 4 arrived: under "disconnect" the subscription must close with closeReason "overflow" (it is ${subscription.active ? "still active" : `closed, reason ${String(subscription.closeReason)}`}).`,
    );
    expect(subscription.stats()).toMatchObject({ dropped: 4, pending: 0, delivered: 1 });
    expect(broker.describeTopic("t").subscribers).toBe(0);
    await slow.finishNext();
    broker.publish("t", "later");
    await flushPromises();
    expectOffsets(
      "a disconnected subscriber",
      slow.offsets,
      [0],
      "Once disconnected, it gets nothing, not even what waited.",
    );
  });
});

describe("publishing from inside a handler", () => {
  test("a message published by a handler reaches every subscriber after the one being delivered", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const first = recorder();
    broker.subscribe("t", (message) => {
      first.handler(message);
      if (message.offset === 0) broker.publish("t", "reply");
    });
    const second = recorder();
    broker.subscribe("t", second.handler);
    broker.publish("t", "hello");
    expectOffsets(
      "the second subscriber, when the first one published offset 1 while handling offset 0",
      second.offsets,
      [0, 1],
      "A message published from inside a handler was delivered at once, in the middle of the fan-out of offset 0, so this subscriber got it first. Queue it, and deliver it when the current fan-out is done: each subscriber gets offsets in order.",
    );
    expectOffsets("the first subscriber", first.offsets, [0, 1], "");
  });

  test("the outermost publish returns only when everything it caused has been delivered", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const got = recorder();
    broker.subscribe("t", (message) => {
      if (message.offset < 3) broker.publish("t", "again");
    });
    broker.subscribe("t", got.handler);
    broker.publish("t", "start");
    expectOffsets(
      "a subscriber, when publish() returned",
      got.offsets,
      [0, 1, 2, 3],
      "Nested publishes are queued, not lost or left for later calls.",
    );
  });
});

describe("retention and late subscribers", () => {
  test("from an offset: the retained messages from there, then live ones", () => {
    const { broker } = setup();
    broker.createTopic("t", { retention: { messages: 100 } });
    publishMany(broker, "t", 5);
    const late = recorder();
    const subscription = broker.subscribe("t", late.handler, { from: { offset: 2 } });
    expectOffsets(
      "a subscriber from offset 2, when subscribe() returned",
      late.offsets,
      [2, 3, 4],
      "The replay is delivered before subscribe() returns; offset n means the first message delivered is offset n.",
    );
    publishMany(broker, "t", 2);
    expectOffsets(
      "a subscriber from offset 2",
      late.offsets,
      range(2, 7),
      "After the replay, live messages, none missing and none twice.",
    );
    expect(subscription.stats()).toMatchObject({ delivered: 5, missed: 0, pending: 0 });
  });

  test("retention by count keeps exactly the newest `messages`", () => {
    const { broker } = setup();
    broker.createTopic("t", { retention: { messages: 3 } });
    publishMany(broker, "t", 4);
    const stats = broker.describeTopic("t");
    ensure(
      stats.retained === 3 && stats.oldestOffset === 1,
      `retention of 3 messages after 4 were published: retained ${stats.retained} from offset ${stats.oldestOffset}; it must be 3 from offset 1. An off-by-one at the retention limit keeps one too many or one too few.`,
    );
    const late = recorder();
    const subscription = broker.subscribe("t", late.handler, { from: { offset: 0 } });
    expectOffsets(
      "a subscriber from offset 0 when offsets 1-3 are retained",
      late.offsets,
      [1, 2, 3],
      "It starts at the oldest retained message.",
    );
    ensure(
      subscription.stats().missed === 1,
      `it asked for offset 0, which retention had removed: stats().missed is ${subscription.stats().missed}, and must count the 1 message it will never see.`,
    );
  });

  test("retention by age: a message is gone at exactly publishedAt + ageMs (the retention instant)", () => {
    const { broker, clock } = setup();
    broker.createTopic("t", { retention: { ageMs: 500 } });
    clock.now = 1_000;
    broker.publish("t", "at-1000");
    clock.now = 1_200;
    broker.publish("t", "at-1200");
    clock.now = 1_499;
    const justBefore = recorder();
    broker.subscribe("t", justBefore.handler, { from: { offset: 0 } });
    expectOffsets(
      "a subscriber from offset 0 at 1499",
      justBefore.offsets,
      [0, 1],
      "Offset 0, published at 1000 with ageMs 500, is retained until 1500.",
    );
    clock.now = 1_500;
    const atInstant = recorder();
    broker.subscribe("t", atInstant.handler, { from: { offset: 0 } });
    const stats = broker.describeTopic("t");
    ensure(
      atInstant.offsets[0] === 1 && stats.oldestOffset === 1,
      `at 1500, the retention instant of offset 0 (published at 1000, ageMs 500), a replay from offset 0 gave [${atInstant.offsets.join(", ")}] and describeTopic's oldest offset is ${stats.oldestOffset}: a message is retained only while now < publishedAt + ageMs, so at that exact instant it is gone.`,
    );
  });

  test("from a time: retained messages published at or after it, the one at exactly that time included", () => {
    const { broker, clock } = setup();
    broker.createTopic("t", { retention: { messages: 100 } });
    for (const at of [1_000, 2_000, 2_000, 3_000]) {
      clock.now = at;
      broker.publish("t", `at-${at}`);
    }
    clock.now = 3_500;
    const late = recorder();
    broker.subscribe("t", late.handler, { from: { time: 2_000 } });
    expectOffsets(
      "a subscriber from time 2000",
      late.offsets,
      [1, 2, 3],
      "Offsets 1 and 2 were published at exactly 2000: a start time includes messages published at that instant (publishedAt >= time).",
    );
  });

  test("no gap and no duplicate at the switch from replay to live, while the subscriber is slow", async () => {
    const { broker } = setup();
    broker.createTopic("t", { retention: { messages: 100 } });
    publishMany(broker, "t", 3);
    const slow = slowRecorder();
    broker.subscribe("t", slow.handler, { from: { offset: 0 } });
    publishMany(broker, "t", 2); // offsets 3 and 4, live, while it is busy with its replay
    for (let i = 0; i < 6 && slow.calls.length > i; i++) await slow.finishNext();
    expectOffsets(
      "a slow subscriber from offset 0 with offsets 3 and 4 published during its replay",
      slow.offsets,
      range(0, 5),
      "The replay is the retained messages when it subscribed (offsets 0-2); everything published after that reaches it live, through its buffer. A replay that reads the log as it grows also picks up the live messages, which then come twice; a subscription registered only when the replay ends misses what was published meanwhile.",
    );
  });

  test("no gap at the switch when a replayed message makes a handler publish", () => {
    const { broker } = setup();
    broker.createTopic("t", { retention: { messages: 100 } });
    publishMany(broker, "t", 2);
    const offsets: number[] = [];
    broker.subscribe(
      "t",
      (message) => {
        offsets.push(message.offset);
        if (message.offset === 0) broker.publish("t", "published during the replay");
      },
      { from: { offset: 0 } },
    );
    publishMany(broker, "t", 1);
    expectOffsets(
      "a subscriber from offset 0 whose handler published offset 2 during its replay",
      offsets,
      [0, 1, 2, 3],
      "Offset 2 was published after subscribe() fixed the replay (offsets 0-1) but before the replay ended: a subscriber registered for live messages only after its replay has a gap there. Register it in the same step that fixes the replay.",
    );
  });

  test("with no retention (the default), a replay has nothing, and counts what was missed", () => {
    const { broker } = setup();
    broker.createTopic("t");
    publishMany(broker, "t", 3);
    const late = recorder();
    const subscription = broker.subscribe("t", late.handler, { from: { offset: 0 } });
    broker.publish("t", "live");
    expect(late.offsets).toEqual([3]);
    expect(subscription.stats().missed).toBe(3);
    expect(broker.describeTopic("t")).toEqual({ subscribers: 1, retained: 0, oldestOffset: 4, nextOffset: 4 });
  });
});

describe("unsubscribe", () => {
  test("nothing is delivered after unsubscribe, and the topic lets it go", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const got = recorder();
    const subscription = broker.subscribe("t", got.handler);
    broker.publish("t", "before");
    expect(broker.describeTopic("t").subscribers).toBe(1);
    subscription.unsubscribe();
    broker.publish("t", "after");
    expect(got.offsets).toEqual([0]);
    expect(subscription.active).toBe(false);
    expect(subscription.closeReason).toBe("unsubscribed");
    expect(broker.describeTopic("t").subscribers).toBe(0);
    subscription.unsubscribe();
    expect(subscription.closeReason).toBe("unsubscribed");
  });

  test("a busy subscriber unsubscribed with messages waiting gets none of them", async () => {
    const { broker } = setup();
    broker.createTopic("t");
    const slow = slowRecorder();
    const subscription = broker.subscribe("t", slow.handler);
    publishMany(broker, "t", 4);
    subscription.unsubscribe();
    ensure(
      subscription.stats().pending === 0,
      `unsubscribe() left ${subscription.stats().pending} messages in the subscriber's buffer: unsubscribing must free what waited for it.`,
    );
    await slow.finishNext();
    expectOffsets(
      "a subscriber unsubscribed while busy with offset 0",
      slow.offsets,
      [0],
      "Its buffer was still delivered after unsubscribe, when its promise settled. Taking it off the topic's list is not enough: what waits for it must go too.",
    );
  });

  test("a handler that unsubscribes itself gets nothing that was queued behind it", () => {
    const { broker } = setup();
    broker.createTopic("t");
    const offsets: number[] = [];
    broker.subscribe("t", (message, own) => {
      offsets.push(message.offset);
      if (message.offset === 0) {
        broker.publish("t", "queued behind");
        own.unsubscribe();
      }
    });
    broker.publish("t", "first");
    expectOffsets(
      "a subscriber that published, then unsubscribed itself",
      offsets,
      [0],
      "No delivery after unsubscribe, including messages queued before it.",
    );
  });
});

describe("bad input", () => {
  test("topic names are non-empty strings, each created once, and must exist", () => {
    const { broker } = setup();
    expect(codeOf(PubSubError, () => broker.createTopic(""))).toBe("INVALID_TOPIC");
    expect(codeOf(PubSubError, () => broker.createTopic(42 as unknown as string))).toBe("INVALID_TOPIC");
    broker.createTopic("orders");
    expect(codeOf(PubSubError, () => broker.createTopic("orders"))).toBe("DUPLICATE_TOPIC");
    expect(codeOf(PubSubError, () => broker.publish("ordrs", "x"))).toBe("UNKNOWN_TOPIC");
    expect(codeOf(PubSubError, () => broker.subscribe("ordrs", () => undefined))).toBe("UNKNOWN_TOPIC");
    expect(codeOf(PubSubError, () => broker.describeTopic("ordrs"))).toBe("UNKNOWN_TOPIC");
    const message = messageOf(() => broker.publish("ordrs", "x"));
    ensure(
      message.includes('"ordrs"') && message.includes('"orders"'),
      `publishing to a topic nobody created must fail loudly, naming it and the topics there are (a quick sketch drops the message silently); the message was: ${message}`,
    );
  });

  test("retention limits are non-negative: messages an integer, ageMs a finite number", () => {
    const { broker } = setup();
    for (const retention of [
      { messages: -1 },
      { messages: 2.5 },
      { messages: NaN },
      { ageMs: -5 },
      { ageMs: Infinity },
    ]) {
      expect(codeOf(PubSubError, () => broker.createTopic("t", { retention }))).toBe("INVALID_RETENTION");
    }
    expect(messageOf(() => broker.createTopic("t", { retention: { messages: 2.5 } }))).toContain("2.5");
    expect(codeOf(PubSubError, () => broker.describeTopic("t"))).toBe("UNKNOWN_TOPIC"); // nothing was created
    broker.createTopic("t", { retention: { messages: 0, ageMs: 0 } });
  });

  test("subscribe checks the handler, the start, the buffer size and the policy, and subscribes nothing when it throws", () => {
    const { broker } = setup();
    broker.createTopic("t", { retention: { messages: 10 } });
    publishMany(broker, "t", 3);
    const noop = (): void => undefined;
    expect(codeOf(PubSubError, () => broker.subscribe("t", "handler" as unknown as () => void))).toBe(
      "INVALID_HANDLER",
    );
    for (const from of [{ offset: -1 }, { offset: 1.5 }, { offset: 4 }, { time: NaN }, "earliest", null]) {
      const start = from as unknown as "latest";
      expect(codeOf(PubSubError, () => broker.subscribe("t", noop, { from: start }))).toBe("INVALID_START");
    }
    const pastEnd = messageOf(() => broker.subscribe("t", noop, { from: { offset: 4 } }));
    ensure(
      pastEnd.includes("4") && pastEnd.includes("3"),
      `from offset 4 on a topic whose next offset is 3 must name both (the message was: ${pastEnd})`,
    );
    for (const bufferSize of [0, -1, 1.5, NaN]) {
      expect(codeOf(PubSubError, () => broker.subscribe("t", noop, { bufferSize }))).toBe("INVALID_BUFFER_SIZE");
    }
    const overflow = "drop" as unknown as "disconnect";
    expect(codeOf(PubSubError, () => broker.subscribe("t", noop, { overflow }))).toBe("INVALID_OVERFLOW");
    expect(broker.describeTopic("t").subscribers).toBe(0);
    broker.subscribe("t", noop, { from: { offset: 3 } }); // the next offset: the same as "latest"
    expect(broker.describeTopic("t").subscribers).toBe(1);
  });

  test("the broker's clock and onSubscriberError must be functions", () => {
    const clock = 5 as unknown as () => number;
    expect(codeOf(PubSubError, () => new PubSub({ clock }))).toBe("INVALID_OPTIONS");
    const onSubscriberError = "log" as unknown as () => void;
    expect(codeOf(PubSubError, () => new PubSub({ onSubscriberError }))).toBe("INVALID_OPTIONS");
    expect(messageOf(() => new PubSub({ onSubscriberError }))).toContain("onSubscriberError");
  });
});
