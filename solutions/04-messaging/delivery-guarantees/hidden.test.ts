/** Grading-only tests: harder fault schedules, the exact edges, and what each refusal says. */
import { ensure, messageOf } from "#kata/testing";
import { forEachSeed, ManualContext } from "#kata/sim";
import { DeliveryError } from "./src/errors";
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

const BY_HAND = { visibilityTimeoutMs: 100, maxAttempts: 3, processingMs: 20, ackDelayMs: 10, dedupWindowMs: 1_000 };

function producerByHand(mode: DeliveryMode, settings: Partial<DeliveryOptions> = {}) {
  const ctx = new ManualContext<DeliveryMessage>(PRODUCER, [CONSUMER]);
  return { ctx, producer: new dg.Producer(ctx, CONSUMER, { ...BY_HAND, ...settings, mode }) };
}

function consumerByHand(
  mode: DeliveryMode,
  options: {
    settings?: Partial<DeliveryOptions>;
    handler?: (m: ReceivedMessage) => void;
    storage?: Map<string, unknown>;
  } = {},
) {
  const ctx = new ManualContext<DeliveryMessage>(CONSUMER, [PRODUCER], { storage: options.storage ?? new Map() });
  const applied: string[] = [];
  const handler = (m: ReceivedMessage): void => {
    options.handler?.(m);
    applied.push(`${m.key}#${m.attempt}`);
  };
  return { ctx, applied, consumer: new dg.Consumer(ctx, handler, { ...BY_HAND, ...options.settings, mode }) };
}

function deliver(key: string, attempt = 1): Deliver {
  return { type: "Deliver", key, attempt, payload: `payload of ${key}` };
}

function delivers(ctx: ManualContext<DeliveryMessage>): string[] {
  return ctx
    .takeSent()
    .flatMap(({ message: m }) => (m.type === "Deliver" ? [`${m.key}#${m.attempt}`] : []))
    .sort();
}

test("effectively-once stays exactly once under heavy faults and repeated consumer crashes (100 seeds)", () => {
  forEachSeed(100, (seed) => {
    const pair = new DeliveryPair(dg, {
      seed,
      settings: { mode: "effectively-once", maxAttempts: 8, ackDelayMs: 15 },
      network: { minDelayMs: 1, maxDelayMs: 25, dropRate: 0.25, duplicateRate: 0.3 },
    });
    checkPromises(pair);
    for (let round = 0; round < 3; round++) {
      pair.publish(8, 4, `r${round}-m`);
      pair.sim.crash(CONSUMER);
      pair.sim.runFor(30);
      pair.sim.restart(CONSUMER);
    }
    ensure(pair.settle(10_000), `still pending after 10 s: ${pair.producer().pending().join(", ")}`);
    checkNothingLost(pair, `seed ${seed}`);
  });
});

test("at-most-once under crashes: a message is lost at worst, never applied twice (50 seeds)", () => {
  forEachSeed(50, (seed) => {
    const pair = new DeliveryPair(dg, {
      seed,
      settings: { mode: "at-most-once", processingMs: 15 },
      network: { minDelayMs: 1, maxDelayMs: 30, duplicateRate: 0.4 },
    });
    checkPromises(pair);
    for (let round = 0; round < 3; round++) {
      pair.publish(8, 3, `r${round}-m`);
      pair.sim.crash(CONSUMER);
      pair.sim.runFor(10);
      pair.sim.restart(CONSUMER);
    }
    pair.sim.runFor(500);
  });
});

test("maxAttempts 1: the first attempt is the last, so its timeout dead-letters the message", () => {
  const { ctx, producer } = producerByHand("at-least-once", { maxAttempts: 1 });
  producer.publish("m1", "x");
  advanceTo(ctx, 99);
  expect(producer.deadLetters()).toEqual([]);
  advanceTo(ctx, 1_000);
  expect(delivers(ctx)).toEqual(["m1#1"]);
  expect(producer.deadLetters()).toEqual([
    { key: "m1", payload: "x", attempts: 1, lastAttempt: "timed-out", error: null },
  ]);
});

test("a stale nack at the last attempt does not dead-letter a message whose last attempt then succeeds", () => {
  const { ctx, producer } = producerByHand("at-least-once", { maxAttempts: 2 });
  producer.publish("m1", "x");
  advanceTo(ctx, 100); // attempt 2, the last, goes out
  producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 1, error: "slow disk" });
  ensure(
    producer.deadLetters().length === 0 && producer.pending().join() === "m1",
    `a Nack for attempt 1 arrived while attempt 2 (the last) was running, and the producer dead-lettered ` +
      `${JSON.stringify(producer.deadLetters())}. That nack is stale: only a nack of the current attempt ends it.`,
  );
  producer.onMessage(CONSUMER, { type: "Ack", acks: [{ key: "m1", attempt: 2 }] });
  advanceTo(ctx, 1_000);
  expect([producer.pending(), producer.deadLetters(), delivers(ctx)]).toEqual([[], [], ["m1#1", "m1#2"]]);
});

test("a nack naming a later attempt than the current one is not the current attempt's either", () => {
  const { ctx, producer } = producerByHand("at-least-once");
  producer.publish("m1", "x");
  ctx.takeSent();
  producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 2, error: "from the future" });
  expect(delivers(ctx)).toEqual([]);
  advanceTo(ctx, 100);
  expect(delivers(ctx)).toEqual(["m1#2"]);
});

test("replies after a message was settled or dead-lettered change nothing", () => {
  const { ctx, producer } = producerByHand("effectively-once", { maxAttempts: 1 });
  producer.publish("m1", "x");
  producer.publish("m2", "y");
  producer.onMessage(CONSUMER, { type: "Ack", acks: [{ key: "m2", attempt: 1 }] });
  advanceTo(ctx, 100); // m1 dead-lettered
  const letters = producer.deadLetters();
  producer.onMessage(CONSUMER, { type: "Ack", acks: [{ key: "m1", attempt: 1 }] });
  producer.onMessage(CONSUMER, { type: "Nack", key: "m1", attempt: 1, error: "late" });
  producer.onMessage(CONSUMER, { type: "Nack", key: "m2", attempt: 1, error: "late" });
  producer.onMessage(CONSUMER, { type: "Ack", acks: [{ key: "m2", attempt: 1 }] });
  advanceTo(ctx, 1_000);
  expect(delivers(ctx)).toEqual(["m1#1", "m2#1"]);
  expect(producer.deadLetters()).toEqual(letters);
  expect(producer.pending()).toEqual([]);
});

test("pending() lists messages in publish order, whatever order their redeliveries and acks come in", () => {
  const { ctx, producer } = producerByHand("at-least-once");
  for (const key of ["c", "a", "b", "d"]) producer.publish(key, key);
  producer.onMessage(CONSUMER, { type: "Nack", key: "c", attempt: 1, error: "x" });
  producer.onMessage(CONSUMER, { type: "Ack", acks: [{ key: "b", attempt: 1 }] });
  advanceTo(ctx, 150);
  expect(producer.pending()).toEqual(["c", "a", "d"]);
});

test("the dead-letter queue is the producer's own: changing what deadLetters() returned changes nothing", () => {
  const { ctx, producer } = producerByHand("at-least-once", { maxAttempts: 1 });
  producer.publish("m1", "x");
  advanceTo(ctx, 100);
  const copy = producer.deadLetters();
  (copy[0] as { attempts: number }).attempts = 99;
  copy.pop();
  expect(producer.deadLetters()).toEqual([
    { key: "m1", payload: "x", attempts: 1, lastAttempt: "timed-out", error: null },
  ]);
});

test("the consumer ignores malformed messages and anything that is not a Deliver", () => {
  const { ctx, consumer, applied } = consumerByHand("effectively-once");
  const garbage: unknown[] = [
    null,
    { type: "Deliver", key: "", attempt: 1, payload: "x" },
    { type: "Deliver", key: "m1", attempt: 0, payload: "x" },
    { type: "Deliver", key: "m1", attempt: 1 },
    { type: "Ack", acks: [{ key: "m1", attempt: 1 }] },
    { type: "Nack", key: "m1", attempt: 1, error: "x" },
  ];
  for (const message of garbage) consumer.onMessage(PRODUCER, message as DeliveryMessage);
  advanceTo(ctx, 500);
  expect([applied, ctx.takeSent()]).toEqual([[], []]);
});

test("the consumer replies to the node that delivered, and a handler that throws a non-Error is nacked with its text", () => {
  const ctx = new ManualContext<DeliveryMessage>(CONSUMER, [PRODUCER, "relay"]);
  const consumer = new dg.Consumer(
    ctx,
    (m) => {
      if (m.key === "bad") throw "no such account";
    },
    { ...BY_HAND, mode: "at-least-once" },
  );
  consumer.onMessage("relay", deliver("bad"));
  consumer.onMessage("relay", deliver("good"));
  advanceTo(ctx, 100);
  expect(ctx.takeSent()).toEqual([
    { to: "relay", message: { type: "Nack", key: "bad", attempt: 1, error: "no such account" } },
    { to: "relay", message: { type: "Ack", acks: [{ key: "good", attempt: 1 }] } },
  ]);
});

test("at-most-once's window runs from the message's arrival and ends at exactly arrival + dedupWindowMs", () => {
  const { ctx, consumer, applied } = consumerByHand("at-most-once");
  ctx.advance(50);
  consumer.onMessage(PRODUCER, deliver("m1")); // taken at 50 ms: remembered while now < 1,050 ms
  advanceTo(ctx, 1_049);
  consumer.onMessage(PRODUCER, deliver("m1"));
  expect(consumer.rememberedKeys()).toBe(1);
  advanceTo(ctx, 1_050);
  expect(consumer.rememberedKeys()).toBe(0);
  consumer.onMessage(PRODUCER, deliver("m1"));
  advanceTo(ctx, 2_000);
  expect(applied).toEqual(["m1#1", "m1#1"]);
});

test("effectively-once: a copy that arrives while its key is being processed waits for that processing", () => {
  let calls = 0;
  const { ctx, consumer, applied } = consumerByHand("effectively-once", {
    handler: () => {
      calls += 1;
      if (calls === 1) throw new Error("deadlock");
    },
  });
  consumer.onMessage(PRODUCER, deliver("m1", 1));
  ctx.advance(5);
  consumer.onMessage(PRODUCER, deliver("m1", 1)); // a network copy while attempt 1 is processed
  advanceTo(ctx, 60);
  expect(ctx.takeSent().map((s) => s.message)).toEqual([{ type: "Nack", key: "m1", attempt: 1, error: "deadlock" }]);
  consumer.onMessage(PRODUCER, deliver("m1", 2));
  advanceTo(ctx, 200);
  expect(applied).toEqual(["m1#2"]);
  expect(calls).toBe(2);
});

test("every ack leaves within ackDelayMs of its processing, batched or not", () => {
  const { ctx, consumer } = consumerByHand("at-least-once", { settings: { ackDelayMs: 10 } });
  const processedAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  for (let t = 0; t <= 200; t++) {
    advanceTo(ctx, t);
    for (const { message } of ctx.takeSent())
      if (message.type === "Ack") for (const a of message.acks) ackedAt.set(a.key, t);
    if (t % 3 === 0 && t <= 30) {
      consumer.onMessage(PRODUCER, deliver(`m${t}`));
      processedAt.set(`m${t}`, t + 20);
    }
  }
  for (const [key, at] of processedAt) {
    const acked = ackedAt.get(key);
    ensure(
      acked !== undefined && acked >= at && acked <= at + 10,
      `${key} was processed at ${at} ms and acked at ${acked ?? "no time"}: an ack waits at most ackDelayMs (10 ms)`,
    );
  }
});

test("storage stays bounded: keys are forgotten once the window has passed", () => {
  const storage = new Map<string, unknown>();
  const { ctx, consumer } = consumerByHand("effectively-once", { storage, settings: { dedupWindowMs: 500 } });
  const size = (): number => JSON.stringify([...storage]).length;
  for (let i = 1; i <= 400; i++) {
    consumer.onMessage(PRODUCER, deliver(`order-${i}`));
    advanceTo(ctx, i * 25);
  }
  const afterBurst = size();
  ensure(
    consumer.rememberedKeys() <= 21 && afterBurst < 2_000,
    `400 messages, one every 25 ms, with a 500 ms window: the consumer remembers ${consumer.rememberedKeys()} keys and ` +
      `its storage holds ${afterBurst} characters. About 20 keys are inside the window at any time; forget the rest, ` +
      "or storage grows with every message ever applied.",
  );
});

/** The refusal's message names the setting, the value given and, where there is one, the bound. */
test.each<[Partial<DeliveryOptions>, string[]]>([
  [{ visibilityTimeoutMs: 25 }, ["visibilityTimeoutMs", "25", "30"]],
  [{ visibilityTimeoutMs: Number.POSITIVE_INFINITY }, ["visibilityTimeoutMs", "Infinity"]],
  [{ maxAttempts: 0 }, ["maxAttempts", "0"]],
  [{ dedupWindowMs: -5 }, ["dedupWindowMs", "-5"]],
  [{ dedupWindowMs: Number.POSITIVE_INFINITY }, ["dedupWindowMs", "Infinity"]],
  [{ processingMs: Number.NaN }, ["processingMs", "NaN"]],
  [{ ackDelayMs: -1 }, ["ackDelayMs", "-1"]],
  [{ mode: "twice" as DeliveryMode }, ["twice", "at-most-once", "at-least-once", "effectively-once"]],
])("a refused setting is named with its value: %p", (settings, fragments) => {
  const options = { ...BY_HAND, mode: "at-least-once" as DeliveryMode, ...settings };
  const message = messageOf(
    DeliveryError,
    () => new dg.Producer(new ManualContext(PRODUCER, [CONSUMER]), CONSUMER, options),
  );
  const missing = fragments.filter((fragment) => !message.includes(fragment));
  ensure(
    missing.length === 0,
    `${JSON.stringify(settings)} was refused with "${message}", which does not mention ${missing.join(", ")}: say which ` +
      "setting was wrong, the value given, and the range that works, so one log line is enough to fix it",
  );
});

test("the edges of the settings: zero processing and ack delay, one attempt, a tiny window are all allowed", () => {
  const ctx = new ManualContext<DeliveryMessage>(PRODUCER, [CONSUMER]);
  const settings = {
    mode: "at-least-once" as const,
    processingMs: 0,
    ackDelayMs: 0,
    visibilityTimeoutMs: 0.5,
    maxAttempts: 1,
    dedupWindowMs: 0.001,
  };
  expect(new dg.Producer(ctx, CONSUMER, settings).settings).toEqual(settings);
  expect(new dg.Consumer(ctx, () => undefined, { mode: "effectively-once" }).settings).toEqual({
    mode: "effectively-once",
    ...dg.DEFAULT_SETTINGS,
  });
});

test("refused publishes and consumers say what was wrong", () => {
  const { producer } = producerByHand("at-least-once");
  producer.publish("m1", "x");
  expect(messageOf(DeliveryError, () => producer.publish("m1", "y"))).toContain('"m1"');
  expect(messageOf(DeliveryError, () => producer.publish("", "y"))).toContain('""');
  expect(messageOf(DeliveryError, () => producer.publish(undefined as unknown as string, "y"))).toContain("undefined");
  expect(messageOf(DeliveryError, () => producer.publish("m2", 7 as unknown as string))).toContain("number");
  const refusal = messageOf(
    DeliveryError,
    () => new dg.Producer(new ManualContext(PRODUCER, ["node-a", "node-b"]), "node-c", { mode: "at-least-once" }),
  );
  for (const name of ["node-a", "node-b", "node-c"]) expect(refusal).toContain(name);
});
