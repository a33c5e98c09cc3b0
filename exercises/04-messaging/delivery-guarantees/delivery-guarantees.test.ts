import { codeOf, ensure } from "#kata/testing";
import { forEachSeed, ManualContext } from "#kata/sim";
import { DeliveryError, type DeliveryErrorCode } from "./src/errors";
import type { Deliver, DeliveryMessage } from "./src/messages";
import type { DeliveryMode, DeliveryOptions } from "./src/settings";
import * as dg from "./src/delivery-guarantees";
import {
  advanceTo,
  checkNothingLost,
  checkPromises,
  CONSUMER,
  DeliveryPair,
  PRODUCER,
  type ReceivedMessage,
} from "./delivery-pair";

/** Settings for nodes driven by hand: round numbers, so every instant in a test is easy to read. */
const BY_HAND = { visibilityTimeoutMs: 100, maxAttempts: 3, processingMs: 20, ackDelayMs: 10, dedupWindowMs: 1_000 };

/** A lossy network: messages take 1-10 ms, reorder, and are lost or doubled. */
const LOSSY = { minDelayMs: 1, maxDelayMs: 10, dropRate: 0.15, duplicateRate: 0.1 };

const REDELIVERING: DeliveryMode[] = ["at-least-once", "effectively-once"];

function producerByHand(mode: DeliveryMode, settings: Partial<DeliveryOptions> = {}) {
  const ctx = new ManualContext<DeliveryMessage>(PRODUCER, [CONSUMER, "intruder"]);
  const producer = new dg.Producer(ctx, CONSUMER, { ...BY_HAND, ...settings, mode });
  return { ctx, producer };
}

function consumerByHand(
  mode: DeliveryMode,
  options: {
    settings?: Partial<DeliveryOptions>;
    fails?: (m: ReceivedMessage) => string | undefined;
    storage?: Map<string, unknown>;
  } = {},
) {
  const ctx = new ManualContext<DeliveryMessage>(CONSUMER, [PRODUCER], { storage: options.storage ?? new Map() });
  const applied: string[] = [];
  const handler = (m: ReceivedMessage): void => {
    const error = options.fails?.(m);
    if (error !== undefined) throw new Error(error);
    applied.push(m.key);
  };
  const consumer = new dg.Consumer(ctx, handler, { ...BY_HAND, ...options.settings, mode });
  return { ctx, consumer, applied };
}

function deliver(key: string, attempt = 1, payload = `payload of ${key}`): Deliver {
  return { type: "Deliver", key, attempt, payload };
}

/** The messages sent since the last look, as short strings: "Deliver m1#2", "Ack m1#1 m2#1", "Nack m1#1 db down". */
function sentSince(ctx: ManualContext<DeliveryMessage>): string[] {
  return ctx.takeSent().map(({ message: m }) => {
    switch (m.type) {
      case "Deliver":
        return `Deliver ${m.key}#${m.attempt}`;
      case "Ack":
        return `Ack ${m.acks.map((a) => `${a.key}#${a.attempt}`).join(" ")}`;
      case "Nack":
        return `Nack ${m.key}#${m.attempt} ${m.error}`;
    }
  });
}

/** The acks among messages sent, one string per acked delivery: "m1#1". */
function ackedIn(sent: string[]): string[] {
  return sent.filter((s) => s.startsWith("Ack ")).flatMap((s) => s.slice(4).split(" "));
}

const REDELIVERY_COUNTER =
  "A redelivery carries the next attempt number: the counter lives with the message for its whole life. Restarted at " +
  "each redelivery, it never reaches maxAttempts, and a message that always fails is never dead-lettered.";

describe("the producer, driven by hand", () => {
  test("at-most-once sends each message once, and never retries it", () => {
    const { ctx, producer } = producerByHand("at-most-once");
    producer.publish("m1", "hello");
    expect(ctx.takeSent()).toEqual([{ to: CONSUMER, message: deliver("m1", 1, "hello") }]);
    advanceTo(ctx, 10_000);
    const later = sentSince(ctx);
    ensure(
      later.length === 0,
      `after publishing m1 at most once and hearing nothing for 10 s, the producer sent ${later.join(", ")}. ` +
        'At-most-once never retries: a retry is what turns "at most" into "at least". A lost message stays lost.',
    );
    expect(producer.pending()).toEqual([]);
  });

  test.each(REDELIVERING)("%s redelivers after exactly visibilityTimeoutMs, as the next attempt", (mode) => {
    const { ctx, producer } = producerByHand(mode);
    producer.publish("m1", "hello");
    expect(sentSince(ctx)).toEqual(["Deliver m1#1"]);
    advanceTo(ctx, 99);
    const early = sentSince(ctx);
    ensure(
      early.length === 0,
      `the visibility timeout is 100 ms, and by 99 ms the producer had already sent ${early.join(", ")}: wait the whole timeout`,
    );
    advanceTo(ctx, 100);
    const redelivered = sentSince(ctx);
    ensure(
      redelivered.join() === "Deliver m1#2",
      `at 100 ms, with no reply to attempt 1 sent at 0 ms, the producer sent [${redelivered.join(", ")}]; expected ` +
        `[Deliver m1#2]. ${REDELIVERY_COUNTER}`,
    );
    advanceTo(ctx, 200);
    expect(sentSince(ctx)).toEqual(["Deliver m1#3"]);
    expect(producer.pending()).toEqual(["m1"]);
  });

  test("one Ack settles every message it names, whichever attempt it names", () => {
    const { ctx, producer } = producerByHand("at-least-once");
    for (const key of ["m1", "m2", "m3"]) producer.publish(key, `payload of ${key}`);
    advanceTo(ctx, 100);
    expect(sentSince(ctx)).toEqual([
      "Deliver m1#1",
      "Deliver m2#1",
      "Deliver m3#1",
      "Deliver m1#2",
      "Deliver m2#2",
      "Deliver m3#2",
    ]);
    ctx.advance(5);
    producer.onMessage(CONSUMER, {
      type: "Ack",
      acks: [
        { key: "m1", attempt: 1 },
        { key: "m3", attempt: 2 },
      ],
    });
    ensure(
      producer.pending().join() === "m2",
      `after an Ack naming m1 (attempt 1) and m3 (attempt 2), the producer still holds [${producer.pending().join(", ")}]; ` +
        "expected [m2]. An Ack may carry many deliveries, and an ack of an earlier attempt settles the message too: the " +
        "consumer acks only what it has processed.",
    );
    advanceTo(ctx, 1_000);
    expect(sentSince(ctx)).toEqual(["Deliver m2#3"]);
  });

  test("a Nack of the current attempt redelivers at once; after maxAttempts the dead letter keeps its evidence", () => {
    const { ctx, producer } = producerByHand("at-least-once");
    producer.publish("m1", "order 17");
    sentSince(ctx);
    ctx.advance(30);
    producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 1, error: "db down" });
    const afterFirst = sentSince(ctx);
    ensure(
      afterFirst.join() === "Deliver m1#2",
      `a Nack of attempt 1 arrived at 30 ms and the producer sent [${afterFirst.join(", ")}]; expected [Deliver m1#2] at ` +
        `once: the attempt has ended, there is no point waiting for its timeout. ${REDELIVERY_COUNTER}`,
    );
    ctx.advance(30);
    producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 2, error: "db down" });
    expect(sentSince(ctx)).toEqual(["Deliver m1#3"]);
    ctx.advance(30);
    producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 3, error: "order 17 has no customer" });
    const expected = {
      key: "m1",
      payload: "order 17",
      attempts: 3,
      lastAttempt: "rejected",
      error: "order 17 has no customer",
    };
    const letters = producer.deadLetters();
    ensure(
      JSON.stringify(letters) === JSON.stringify([expected]),
      `after 3 attempts, each nacked, the dead-letter queue holds ${JSON.stringify(letters)}; expected ` +
        `[${JSON.stringify(expected)}]. A dead letter keeps its evidence: how many attempts were made, how the last one ` +
        "ended, and the last error the consumer reported. Without them an operator cannot tell a poison message from an outage.",
    );
    expect(producer.pending()).toEqual([]);
    advanceTo(ctx, 2_000);
    expect([sentSince(ctx), producer.deadLetters().length]).toEqual([[], 1]);
  });

  test("attempts that time out end in the dead-letter queue as timed-out, still with the last error seen", () => {
    const { ctx, producer } = producerByHand("effectively-once");
    producer.publish("m1", "order 18");
    ctx.advance(40);
    producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 1, error: "lock timeout" });
    advanceTo(ctx, 1_000);
    const sent = sentSince(ctx);
    ensure(
      sent.join() === "Deliver m1#1,Deliver m1#2,Deliver m1#3",
      `with maxAttempts 3 the producer sent [${sent.join(", ")}]; expected attempts 1, 2 and 3, then the dead-letter queue: ` +
        "maxAttempts counts every delivery, the first included.",
    );
    const expected = { key: "m1", payload: "order 18", attempts: 3, lastAttempt: "timed-out", error: "lock timeout" };
    ensure(
      JSON.stringify(producer.deadLetters()) === JSON.stringify([expected]),
      `the dead-letter queue holds ${JSON.stringify(producer.deadLetters())}; expected [${JSON.stringify(expected)}]. ` +
        "A dead letter keeps its evidence: the attempts, that the last one timed out, and the error an earlier nack reported.",
    );
  });

  test("a stale Nack (for an earlier attempt) neither redelivers nor ends the current attempt", () => {
    const { ctx, producer } = producerByHand("at-least-once");
    producer.publish("m1", "order 19");
    advanceTo(ctx, 100);
    expect(sentSince(ctx)).toEqual(["Deliver m1#1", "Deliver m1#2"]);
    ctx.advance(20);
    producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 1, error: "slow disk" });
    const afterStale = sentSince(ctx);
    ensure(
      afterStale.length === 0 && producer.deadLetters().length === 0,
      `at 120 ms a Nack for attempt 1 arrived while attempt 2 (sent at 100 ms) was still running, and the producer sent ` +
        `[${afterStale.join(", ")}] and dead-lettered [${producer.deadLetters().map((l) => l.key)}]. That nack is stale: ` +
        "attempt 1 already ended when its visibility timeout expired. Only a nack of the current attempt may trigger a " +
        "redelivery or count toward maxAttempts; otherwise late replies burn attempts and send a healthy message to the " +
        "dead-letter queue.",
    );
    advanceTo(ctx, 199);
    expect(sentSince(ctx)).toEqual([]);
    advanceTo(ctx, 200);
    expect(sentSince(ctx)).toEqual(["Deliver m1#3"]);
    producer.onMessage(CONSUMER, { type: "Ack", acks: [{ key: "m1", attempt: 3 }] });
    expect([producer.pending(), producer.deadLetters()]).toEqual([[], []]);
  });

  test("ignores malformed messages, replies from other nodes, and replies for messages it does not hold", () => {
    const { ctx, producer } = producerByHand("at-least-once");
    producer.publish("m1", "x");
    sentSince(ctx);
    const garbage: unknown[] = [
      null,
      { type: "Ack" },
      { type: "Ack", acks: [] },
      { type: "Ack", acks: [{ key: "m1", attempt: 0 }] },
      { type: "Nack", key: "m1", attempt: 1.5, error: "x" },
      { type: "Nack", key: "m1", attempt: 1 },
      { type: "Deliver", key: "m1", attempt: 1, payload: "x" },
    ];
    for (const message of garbage) producer.onMessage(CONSUMER, message as DeliveryMessage);
    producer.onMessage("intruder", { type: "Ack", acks: [{ key: "m1", attempt: 1 }] });
    producer.onMessage(CONSUMER, { type: "Ack", acks: [{ key: "never-published", attempt: 1 }] });
    producer.onMessage(CONSUMER, { type: "Nack", key: "never-published", attempt: 1, error: "x" });
    expect(producer.pending()).toEqual(["m1"]);
    expect(sentSince(ctx)).toEqual([]);
  });
});

describe("the consumer, driven by hand", () => {
  test.each(REDELIVERING)("%s acks only after the handler has run, and within ackDelayMs", (mode) => {
    const { ctx, consumer, applied } = consumerByHand(mode);
    consumer.onMessage(PRODUCER, deliver("m1"));
    advanceTo(ctx, 19);
    const early = sentSince(ctx);
    ensure(
      applied.length === 0 && ackedIn(early).length === 0,
      `m1 arrived at 0 ms and processing takes 20 ms, yet by 19 ms the consumer had sent [${early.join(", ")}]` +
        `${applied.length > 0 ? " and run the handler" : ""}. It acked before processing: if it crashes before the ` +
        "handler runs, the producer holds an ack and drops the message. Ack only after the handler returns.",
    );
    advanceTo(ctx, 20);
    expect(applied).toEqual(["m1"]);
    advanceTo(ctx, 30);
    const acks = ackedIn(sentSince(ctx));
    ensure(
      acks.join() === "m1#1",
      `m1 was processed at 20 ms; by 30 ms (ackDelayMs 10) the consumer had acked [${acks.join(", ")}]; expected [m1#1]`,
    );
  });

  test.each(REDELIVERING)("%s nacks a failed handler at once, with its error, and acks nothing", (mode) => {
    const { ctx, consumer, applied } = consumerByHand(mode, { fails: () => "cannot parse payload" });
    consumer.onMessage(PRODUCER, deliver("m1"));
    advanceTo(ctx, 20);
    expect(sentSince(ctx)).toEqual(["Nack m1#1 cannot parse payload"]);
    advanceTo(ctx, 500);
    expect([applied, sentSince(ctx)]).toEqual([[], []]);
  });

  test("at-least-once processes every copy it receives, duplicates included", () => {
    const { ctx, consumer, applied } = consumerByHand("at-least-once");
    consumer.onMessage(PRODUCER, deliver("m1"));
    ctx.advance(3);
    consumer.onMessage(PRODUCER, deliver("m1")); // the network doubled it
    advanceTo(ctx, 150);
    consumer.onMessage(PRODUCER, deliver("m1", 2)); // a redelivery
    advanceTo(ctx, 400);
    ensure(
      applied.length === 3,
      `at-least-once received m1 three times and processed it ${applied.length} time(s). It promises every message at ` +
        "least once, no more: it does not deduplicate. That costs stable storage and is effectively-once's promise.",
    );
    expect([...new Set(ackedIn(sentSince(ctx)))].sort()).toEqual(["m1#1", "m1#2"]);
  });

  test("at-most-once takes each key once, even when the network delivers it twice, and never replies", () => {
    const { ctx, consumer, applied } = consumerByHand("at-most-once", {
      fails: (m) => (m.key === "m2" ? "bad" : undefined),
    });
    consumer.onMessage(PRODUCER, deliver("m1"));
    ctx.advance(3);
    consumer.onMessage(PRODUCER, deliver("m1"));
    advanceTo(ctx, 300);
    consumer.onMessage(PRODUCER, deliver("m1"));
    consumer.onMessage(PRODUCER, deliver("m2"));
    advanceTo(ctx, 600);
    consumer.onMessage(PRODUCER, deliver("m2"));
    advanceTo(ctx, 900);
    ensure(
      applied.join() === "m1",
      `at-most-once received m1 three times and a failing m2 twice, and applied [${applied.join(", ")}]; expected [m1]. ` +
        "Record a key when its message arrives, before processing, and drop every later copy of it: the network " +
        "duplicates messages, and a message that failed is lost, not retried.",
    );
    const replies = sentSince(ctx);
    ensure(
      replies.length === 0,
      `at-most-once sent [${replies.join(", ")}]: it never replies, nobody waits for an answer`,
    );
  });

  test("at-most-once records the key before processing: a crash mid-processing loses the message, never doubles it", () => {
    const storage = new Map<string, unknown>();
    const first = consumerByHand("at-most-once", { storage });
    first.consumer.onMessage(PRODUCER, deliver("m1"));
    advanceTo(first.ctx, 10); // crashes here, 10 ms into processing
    const second = consumerByHand("at-most-once", { storage });
    second.consumer.onMessage(PRODUCER, deliver("m1")); // a copy the network delayed
    advanceTo(second.ctx, 200);
    ensure(
      first.applied.length + second.applied.length === 0,
      "m1 arrived, the consumer crashed during processing, restarted, and then applied a late copy of m1. At most once " +
        "means the key is recorded on stable storage as the message arrives, before processing: after a crash the message " +
        "may be lost, never processed twice.",
    );
  });

  test("effectively-once applies a key once and acks every copy, whether it is being processed or already applied", () => {
    const { ctx, consumer, applied } = consumerByHand("effectively-once");
    consumer.onMessage(PRODUCER, deliver("m1"));
    ctx.advance(3);
    consumer.onMessage(PRODUCER, deliver("m1")); // doubled by the network, while m1 is being processed
    advanceTo(ctx, 150);
    consumer.onMessage(PRODUCER, deliver("m1", 2)); // its ack was lost: a redelivery
    advanceTo(ctx, 400);
    ensure(
      applied.join() === "m1",
      `effectively-once received m1 three times (a network copy during processing, a redelivery after) and applied it ` +
        `${applied.length} time(s); expected once. Drop a copy of a key that is being processed, and do not apply a key ` +
        "that the dedup window holds.",
    );
    const acks = ackedIn(sentSince(ctx));
    ensure(
      acks.includes("m1#2"),
      `the redelivered m1 (attempt 2) was not acked (acks sent: ${acks.join(", ") || "none"}). A duplicate is not ` +
        "applied, but it is acked: its sender is waiting, and without an ack it redelivers until the dead-letter queue.",
    );
  });

  test("effectively-once: a failed attempt records nothing, so the next attempt applies the message", () => {
    const { ctx, consumer, applied } = consumerByHand("effectively-once", {
      fails: (m) => (m.attempt === 1 ? "db down" : undefined),
    });
    consumer.onMessage(PRODUCER, deliver("m1", 1));
    advanceTo(ctx, 20);
    expect(sentSince(ctx)).toEqual(["Nack m1#1 db down"]);
    ctx.advance(10);
    consumer.onMessage(PRODUCER, deliver("m1", 2));
    advanceTo(ctx, 100);
    const replies = sentSince(ctx);
    ensure(
      applied.join() === "m1",
      `m1's attempt 1 failed and was nacked; attempt 2 was answered with [${replies.join(", ")}] and m1 was applied ` +
        `${applied.length} time(s). The key was recorded before the effect: the redelivery looked like a duplicate and ` +
        "was acked unapplied, so the message is lost while the producer believes it done. Record the key in the same " +
        "step as the effect; a failed attempt must leave nothing behind.",
    );
    expect(ackedIn(replies)).toEqual(["m1#2"]);
  });

  test("deduplication is by idempotency key: two messages with equal payloads are both applied", () => {
    const { ctx, consumer, applied } = consumerByHand("effectively-once");
    consumer.onMessage(PRODUCER, deliver("charge-A", 1, "charge 10.00 EUR to card 4242"));
    advanceTo(ctx, 100); // charge-A applied at 20 ms
    consumer.onMessage(PRODUCER, deliver("charge-B", 1, "charge 10.00 EUR to card 4242"));
    advanceTo(ctx, 200);
    consumer.onMessage(PRODUCER, deliver("charge-A", 2, "charge 10.00 EUR to card 4242"));
    advanceTo(ctx, 400);
    ensure(
      applied.join() === "charge-A,charge-B",
      `two messages with different keys and the same payload, then a redelivery of the first: applied ` +
        `[${applied.join(", ")}], expected [charge-A, charge-B]. Equal payloads are not the same message (a customer ` +
        "may really buy twice); only the idempotency key says whether a copy is the same message.",
    );
  });

  test("the dedup window ends at exactly appliedAt + dedupWindowMs", () => {
    const { ctx, consumer, applied } = consumerByHand("effectively-once");
    consumer.onMessage(PRODUCER, deliver("m1"));
    advanceTo(ctx, 20); // applied at 20 ms: remembered while now < 1,020 ms
    advanceTo(ctx, 1_019);
    ensure(
      consumer.rememberedKeys() === 1,
      `at 1019 ms the consumer remembers ${consumer.rememberedKeys()} key(s); m1, applied at 20 ms with a 1000 ms window, is still in it`,
    );
    consumer.onMessage(PRODUCER, deliver("m1", 2));
    advanceTo(ctx, 1_020);
    const inside = applied.length;
    const remembered = consumer.rememberedKeys();
    consumer.onMessage(PRODUCER, deliver("m1", 3));
    advanceTo(ctx, 1_100);
    ensure(
      inside === 1 && remembered === 0 && applied.length === 2,
      `m1 was applied at 20 ms with a 1000 ms window. A copy at 1019 ms left m1 applied ${inside} time(s) (expected 1); ` +
        `at 1020 ms the window held ${remembered} key(s) (expected 0), and a copy then left m1 applied ${applied.length} ` +
        "time(s) (expected 2). The window is measured in time and ends at exactly appliedAt + dedupWindowMs: remembered " +
        "while now < 1020 ms, forgotten at 1020 ms.",
    );
  });

  test("the dedup window survives a restart: it lives on stable storage", () => {
    const storage = new Map<string, unknown>();
    const before = consumerByHand("effectively-once", { storage });
    before.consumer.onMessage(PRODUCER, deliver("m1"));
    advanceTo(before.ctx, 25); // applied at 20 ms; the ack is still waiting to be sent when the consumer crashes
    const after = consumerByHand("effectively-once", { storage });
    after.ctx.advance(100);
    after.consumer.onMessage(PRODUCER, deliver("m1", 2));
    advanceTo(after.ctx, 300);
    ensure(
      before.applied.length + after.applied.length === 1,
      "m1 was applied, the consumer crashed before its ack left, restarted, and applied m1 again when it was " +
        "redelivered. A dedup window kept in memory is forgotten in a crash: keep it on ctx.storage, in the same step as " +
        "the effect, and read it back in the constructor.",
    );
    expect(ackedIn(sentSince(after.ctx))).toEqual(["m1#2"]);
  });
});

describe("bad settings and bad publishes get a DeliveryError", () => {
  test.each<[Partial<DeliveryOptions>, DeliveryErrorCode]>([
    [{ mode: "exactly-once" as DeliveryMode }, "INVALID_MODE"],
    [{ visibilityTimeoutMs: 30 }, "INVALID_VISIBILITY_TIMEOUT"],
    [{ visibilityTimeoutMs: Number.NaN }, "INVALID_VISIBILITY_TIMEOUT"],
    [{ maxAttempts: 0 }, "INVALID_MAX_ATTEMPTS"],
    [{ maxAttempts: 2.5 }, "INVALID_MAX_ATTEMPTS"],
    [{ processingMs: -1 }, "INVALID_PROCESSING_TIME"],
    [{ ackDelayMs: Number.POSITIVE_INFINITY }, "INVALID_ACK_DELAY"],
    [{ dedupWindowMs: 0 }, "INVALID_DEDUP_WINDOW"],
  ])("%p is refused with %s", (settings, code) => {
    const { mode, ...rest } = settings;
    const options = { ...BY_HAND, ...rest, mode: mode ?? "at-least-once" };
    expect(
      codeOf(DeliveryError, () => new dg.Producer(new ManualContext(PRODUCER, [CONSUMER]), CONSUMER, options)),
    ).toBe(code);
    const handler = (): void => undefined;
    expect(
      codeOf(DeliveryError, () => new dg.Consumer(new ManualContext(CONSUMER, [PRODUCER]), handler, options)),
    ).toBe(code);
  });

  test("a producer whose consumer is not a peer is refused with INVALID_CONSUMER", () => {
    expect(
      codeOf(
        DeliveryError,
        () => new dg.Producer(new ManualContext(PRODUCER, [CONSUMER]), "nobody", { mode: "at-least-once" }),
      ),
    ).toBe("INVALID_CONSUMER");
  });

  test.each([
    ["", "x", "INVALID_KEY"],
    [42, "x", "INVALID_KEY"],
    ["m9", { amount: 10 }, "INVALID_PAYLOAD"],
    ["m1", "again", "DUPLICATE_KEY"],
  ])("publish(%p, %p) is refused with %s, and sends nothing", (key, payload, code) => {
    const { ctx, producer } = producerByHand("at-least-once");
    producer.publish("m1", "first");
    sentSince(ctx);
    expect(codeOf(DeliveryError, () => producer.publish(key as string, payload as string))).toBe(code);
    expect(sentSince(ctx)).toEqual([]);
    expect(producer.pending()).toEqual(["m1"]);
  });
});

describe("on the simulated network", () => {
  test("at-most-once: never retried, never applied twice, under drops and duplicates (50 seeds)", () => {
    let lost = 0;
    forEachSeed(50, (seed) => {
      const pair = new DeliveryPair(dg, {
        seed,
        settings: { mode: "at-most-once" },
        network: { ...LOSSY, dropRate: 0.2, duplicateRate: 0.3 },
      });
      checkPromises(pair);
      pair.publish(30, 3);
      pair.sim.runFor(1_000);
      const replies = (pair.sim.stats.sentByType.Ack ?? 0) + (pair.sim.stats.sentByType.Nack ?? 0);
      ensure(replies === 0, `the consumer sent ${replies} acks or nacks in at-most-once mode: nobody waits for them`);
      lost += 30 - pair.ledger.processed();
    });
    ensure(
      lost > 0,
      "with 20% of messages dropped, not one of 1500 was lost: at-most-once does not retry, so some must be",
    );
  });

  test.each(REDELIVERING)(
    "%s: every message is processed or dead-lettered, none lost (50 seeds, drops and duplicates)",
    (mode) => {
      forEachSeed(50, (seed) => {
        const pair = new DeliveryPair(dg, { seed, settings: { mode }, network: LOSSY });
        checkPromises(pair);
        pair.publish(40, 2);
        ensure(
          pair.settle(5_000),
          `5 s after the last publish, the producer still holds [${pair.producer().pending().join(", ")}]: each message ` +
            "must end acked or dead-lettered, within maxAttempts x visibilityTimeoutMs",
        );
        checkNothingLost(pair, `${mode}, seed ${seed}`);
      });
    },
  );

  test("effectively-once: each message applied exactly once (50 seeds, drops and duplicates, checked at every event)", () => {
    forEachSeed(50, (seed) => {
      const pair = new DeliveryPair(dg, {
        seed,
        settings: { mode: "effectively-once", ackDelayMs: 20 },
        network: { ...LOSSY, maxDelayMs: 30, duplicateRate: 0.3 },
      });
      checkPromises(pair);
      pair.publish(40, 2);
      pair.settle(5_000);
      const dead = pair.deadLettered();
      for (const key of pair.ledger.published) {
        ensure(
          pair.ledger.effectsOf(key) === 1 || (dead.has(key) && pair.ledger.effectsOf(key) === 0),
          `${pair.story(key)}. Effectively-once applies each message exactly once; only a dead-lettered one may be unapplied.`,
        );
      }
    });
  });

  test("at-least-once: a consumer that crashes during processing loses nothing (30 seeds)", () => {
    forEachSeed(30, (seed) => {
      const pair = new DeliveryPair(dg, {
        seed,
        settings: { mode: "at-least-once", processingMs: 30, ackDelayMs: 5, visibilityTimeoutMs: 100 },
        network: { minDelayMs: 1, maxDelayMs: 10 },
      });
      checkPromises(pair);
      for (let round = 0; round < 4; round++) {
        pair.publish(6, 7, `r${round}-m`);
        pair.sim.crash(CONSUMER);
        pair.sim.runFor(40);
        pair.sim.restart(CONSUMER);
      }
      pair.settle(5_000);
      checkNothingLost(pair, `seed ${seed}, with the consumer crashing every 42 ms`);
    });
  });

  test("effectively-once: exactly once across consumer crashes and restarts (30 seeds)", () => {
    forEachSeed(30, (seed) => {
      const pair = new DeliveryPair(dg, {
        seed,
        settings: { mode: "effectively-once", processingMs: 5, ackDelayMs: 25, visibilityTimeoutMs: 100 },
        network: { minDelayMs: 1, maxDelayMs: 10, duplicateRate: 0.1 },
      });
      checkPromises(pair);
      for (let round = 0; round < 4; round++) {
        pair.publish(6, 7, `r${round}-m`);
        pair.sim.crash(CONSUMER);
        pair.sim.runFor(40);
        pair.sim.restart(CONSUMER);
      }
      pair.settle(5_000);
      checkNothingLost(pair, `seed ${seed}, with the consumer crashing every 42 ms`);
    });
  });

  test.each(REDELIVERING)(
    "%s: a poison message is dead-lettered after exactly maxAttempts, with its error (30 seeds)",
    (mode) => {
      const poison = new Set(["m3", "m7"]);
      forEachSeed(30, (seed) => {
        const pair = new DeliveryPair(dg, {
          seed,
          settings: { mode, maxAttempts: 4 },
          // Reordered, but not lost or doubled: every nack arrives, so each last attempt ends "rejected".
          network: { minDelayMs: 1, maxDelayMs: 40 },
          fails: (m) => (poison.has(m.key) ? "cannot parse payload" : undefined),
        });
        checkPromises(pair);
        pair.publish(10, 2);
        const settled = pair.settle(3_000);
        const letters = pair
          .producer()
          .deadLetters()
          .sort((a, b) => a.key.localeCompare(b.key));
        const expected = ["m3", "m7"].map((key) => ({
          key,
          payload: `payload of ${key}`,
          attempts: 4,
          lastAttempt: "rejected",
          error: "cannot parse payload",
        }));
        ensure(
          settled && JSON.stringify(letters) === JSON.stringify(expected),
          `m3 and m7 fail on every attempt (maxAttempts 4). ${pair.story("m3")}. The dead-letter queue holds ` +
            `${JSON.stringify(letters)}; expected ${JSON.stringify(expected)}. ${REDELIVERY_COUNTER} And a dead letter ` +
            "keeps its evidence: the attempts, how the last one ended, the error.",
        );
        checkNothingLost(pair, `seed ${seed}`);
      });
    },
  );

  test("a consumer down for longer than every attempt: its messages are dead-lettered as timed-out, none lost", () => {
    forEachSeed(10, (seed) => {
      const pair = new DeliveryPair(dg, { seed, settings: { mode: "at-least-once", maxAttempts: 3 } });
      pair.sim.crash(CONSUMER);
      pair.publish(5, 1);
      ensure(
        pair.settle(1_000),
        `1 s after publishing with the consumer down, still pending: ${pair.producer().pending().join(", ")}`,
      );
      const letters = pair.producer().deadLetters();
      ensure(
        letters.length === 5 &&
          letters.every((l) => l.attempts === 3 && l.lastAttempt === "timed-out" && l.error === null),
        `with the consumer down, 5 messages each went out 3 times unanswered; the dead-letter queue holds ` +
          `${JSON.stringify(letters)}. A dead letter keeps its evidence: attempts 3, lastAttempt "timed-out", error null ` +
          "(no nack ever came).",
      );
    });
  });

  test("where effectively-once stops: a dedup window shorter than the redelivery delay lets duplicates through", () => {
    const appliedWith = (dedupWindowMs: number): number => {
      const pair = new DeliveryPair(dg, {
        seed: 1,
        settings: { mode: "effectively-once", visibilityTimeoutMs: 100, maxAttempts: 3, dedupWindowMs },
      });
      pair.sim.block(CONSUMER, PRODUCER); // every ack is lost: the producer redelivers every 100 ms
      pair.publish(1, 1);
      pair.sim.runFor(1_000);
      return pair.ledger.effectsOf("m1");
    };
    const short = appliedWith(50);
    const long = appliedWith(1_000);
    ensure(
      short === 3 && long === 1,
      `with every ack lost, m1 was redelivered every 100 ms, 3 attempts in all. With a 50 ms dedup window it was applied ` +
        `${short} time(s), with a 1000 ms window ${long} time(s); expected 3 and 1. A key is remembered for the window ` +
        "and no longer: a redelivery that comes after the window is a new message to the consumer. This is the limit of " +
        "effectively-once, not a bug to hide: the window must outlast the longest redelivery delay, about maxAttempts x " +
        "visibilityTimeoutMs.",
    );
  });
});
