import { ManualClock, codeOf, deferred, ensure, flushPromises, messageOf, seededFaker } from "#kata/testing";
import { ServingError } from "./src/errors";
import { DynamicBatcher, FeatureStore, type BatcherOptions } from "./src/model-batcher";

/** A batcher on a ManualClock at t=0 whose model doubles its inputs and records each batch and its time. */
function batcherOn(options: Partial<BatcherOptions<number, number>> = {}): {
  batcher: DynamicBatcher<number, number>;
  clock: ManualClock;
  batches: { at: number; inputs: number[] }[];
} {
  const clock = new ManualClock();
  const batches: { at: number; inputs: number[] }[] = [];
  const batcher = new DynamicBatcher<number, number>({
    maxBatchSize: 4,
    maxWaitMs: 10,
    clock,
    runBatch: (inputs) => {
      batches.push({ at: clock.now(), inputs: [...inputs] });
      return Promise.resolve(inputs.map((x) => x * 2));
    },
    ...options,
  });
  return { batcher, clock, batches };
}

/** What a promise came to, readable once the microtasks have run. */
function watch<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const watched: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(watched, { settled: true, value }),
    (error: unknown) => Object.assign(watched, { settled: true, error }),
  );
  return watched;
}

describe("DynamicBatcher: when a batch leaves", () => {
  it("a full batch is dispatched at once, inside the submit that filled it, inputs in arrival order", async () => {
    const { batcher, batches } = batcherOn();
    const answers = [1, 2, 3].map((x) => batcher.submit(x));
    expect(batches).toEqual([]);
    answers.push(batcher.submit(4));
    ensure(
      batches.length === 1,
      `after the 4th request (maxBatchSize 4) the model was called ${batches.length} times; a full batch leaves at once, without waiting for maxWaitMs`,
    );
    expect(batches[0]).toEqual({ at: 0, inputs: [1, 2, 3, 4] });
    expect(await Promise.all(answers)).toEqual([2, 4, 6, 8]);
    expect(batcher.waiting).toBe(0);
  });

  it("a batch that does not fill leaves exactly maxWaitMs after its first request, not a millisecond before", () => {
    const { batcher, clock, batches } = batcherOn();
    void batcher.submit(1);
    clock.advance(6);
    void batcher.submit(2); // joins the same batch: its wait is shorter, 4 ms
    clock.advance(3);
    const leftBy = (): number => batches.length; // read afresh: the clock moves batches out
    ensure(leftBy() === 0, "the batch left at t=9, before its first request had waited maxWaitMs (10 ms)");
    clock.advance(1);
    ensure(
      leftBy() === 1 && batches[0]?.at === 10,
      `the batch left at ${batches.map((b) => b.at).join(", ") || "no time"}; its first request arrived at 0, so it must leave at exactly t=10: no request waits longer than maxWaitMs`,
    );
    expect(batches[0]?.inputs).toEqual([1, 2]);
  });

  it("the wait runs from the batch's first request, not from the latest one: a steady trickle still leaves on time", () => {
    const { batcher, clock, batches } = batcherOn({ maxBatchSize: 100 });
    for (let t = 0; t < 30; t += 3) {
      void batcher.submit(t);
      clock.advance(3);
    }
    const leftAt = batches.map((b) => b.at);
    ensure(
      leftAt[0] === 10 && leftAt[1] === 22,
      `a request every 3 ms left in batches at [${leftAt.join(", ")}]; each batch leaves maxWaitMs after its own first request (10 and 12 + 10 = 22), however often others join: a timer restarted on every arrival lets a trickle wait forever`,
    );
  });

  it("a batch that left by size takes its timer with it: the next batch keeps its own full wait", () => {
    const { batcher, clock, batches } = batcherOn();
    void batcher.submit(1);
    clock.advance(5);
    for (const x of [2, 3, 4]) void batcher.submit(x); // full at t=5
    clock.advance(2);
    void batcher.submit(5); // the next batch starts at t=7
    clock.advance(3); // t=10: the first batch's timer, had it been left behind
    ensure(
      batches.length === 1,
      `a second batch left at t=${String(batches[1]?.at)}, only 3 ms after its first request at t=7: the timer of the batch that left by size fired on the next batch; cancel it when a batch leaves`,
    );
    clock.advance(7);
    expect(batches.map((b) => [b.at, b.inputs])).toEqual([
      [5, [1, 2, 3, 4]],
      [17, [5]],
    ]);
  });

  it("the model is never called with an empty batch, and flush() sends what waits now", () => {
    const { batcher, clock, batches } = batcherOn();
    batcher.flush();
    clock.advance(100);
    expect(batches).toEqual([]);
    void batcher.submit(7);
    clock.advance(2);
    batcher.flush();
    expect(batches).toEqual([{ at: 102, inputs: [7] }]);
    clock.advance(100);
    expect(batches).toHaveLength(1);
  });

  it("dispatching never waits for the model: a second batch leaves while the first still runs", async () => {
    const clock = new ManualClock();
    const pending = [deferred<readonly number[]>(), deferred<readonly number[]>()];
    let calls = 0;
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 2,
      maxWaitMs: 10,
      clock,
      runBatch: () => (pending[calls++] as (typeof pending)[number]).promise,
    });
    const first = [batcher.submit(1), batcher.submit(2)].map(watch);
    const second = [batcher.submit(3), batcher.submit(4)].map(watch);
    expect(calls).toBe(2);
    pending[1]?.resolve([30, 40]);
    await flushPromises();
    expect(second.map((w) => w.value)).toEqual([30, 40]);
    expect(first.every((w) => !w.settled)).toBe(true);
    pending[0]?.resolve([10, 20]);
    await flushPromises();
    expect(first.map((w) => w.value)).toEqual([10, 20]);
  });
});

describe("DynamicBatcher: when the model fails", () => {
  it("a failed batch rejects its own requests with the model's error, and no other request", async () => {
    const clock = new ManualClock();
    let call = 0;
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 2,
      maxWaitMs: 10,
      clock,
      runBatch: (inputs) =>
        ++call === 1 ? Promise.reject(new Error("GPU out of memory")) : Promise.resolve(inputs.map((x) => -x)),
    });
    const first = [batcher.submit(1), batcher.submit(2)].map(watch);
    const waiting = watch(batcher.submit(3));
    await flushPromises();
    expect(first.map((w) => (w.error as Error).message)).toEqual(["GPU out of memory", "GPU out of memory"]);
    ensure(
      !waiting.settled,
      "a request of the next batch was settled by the failure of the batch before it; a failure belongs to its own batch",
    );
    clock.advance(10);
    await flushPromises();
    expect(waiting.value).toBe(-3);
  });

  it("a model that throws at once is a failed batch too", async () => {
    const { batcher } = batcherOn({
      runBatch: () => {
        throw new Error("model not loaded");
      },
    });
    const answers = [1, 2, 3, 4].map((x) => watch(batcher.submit(x)));
    await flushPromises();
    expect(answers.map((w) => (w.error as Error).message)).toEqual(Array(4).fill("model not loaded"));
  });

  it("a model that answers with the wrong number of outputs: BATCH_SIZE_MISMATCH for every request of that batch", async () => {
    const { batcher } = batcherOn({ runBatch: (inputs) => Promise.resolve(inputs.slice(1)) });
    const answers = [1, 2, 3, 4].map((x) => watch(batcher.submit(x)));
    await flushPromises();
    for (const answer of answers) {
      ensure(
        answer.error instanceof ServingError && answer.error.code === "BATCH_SIZE_MISMATCH",
        `a request of a batch of 4 answered with 3 outputs settled with ${answer.settled ? String(answer.error ?? answer.value) : "nothing"}; nobody can tell which output is whose: BATCH_SIZE_MISMATCH for all`,
      );
    }
  });
});

describe("DynamicBatcher: seeded arrivals", () => {
  it("no request waits longer than maxWaitMs, no batch is over maxBatchSize, every request gets its own output", async () => {
    const faker = seededFaker();
    const clock = new ManualClock();
    const dispatched = new Map<number, number>(); // input -> dispatch time
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 8,
      maxWaitMs: 25,
      clock,
      runBatch: (inputs) => {
        ensure(inputs.length >= 1 && inputs.length <= 8, `a batch of ${inputs.length} (maxBatchSize 8)`);
        for (const x of inputs) dispatched.set(x, clock.now());
        return Promise.resolve(inputs.map((x) => x * 10));
      },
    });
    const arrivals = new Map<number, number>();
    const answers: Promise<number>[] = [];
    for (let i = 0; i < 500; i++) {
      clock.advance(faker.number.int({ min: 0, max: 12 }));
      arrivals.set(i, clock.now());
      answers.push(batcher.submit(i));
    }
    clock.advance(25);
    expect(await Promise.all(answers)).toEqual(answers.map((_, i) => i * 10));
    for (const [i, arrived] of arrivals) {
      const waited = (dispatched.get(i) as number) - arrived;
      ensure(
        waited <= 25,
        `request ${i} arrived at ${arrived} and left at ${String(dispatched.get(i))}: it waited ${waited} ms, over maxWaitMs 25`,
      );
    }
  });

  it("INVALID_OPTION names the option", () => {
    const runBatch = (inputs: readonly number[]): Promise<readonly number[]> => Promise.resolve(inputs);
    expect(messageOf(ServingError, () => new DynamicBatcher({ maxBatchSize: 0, maxWaitMs: 5, runBatch }))).toContain(
      "maxBatchSize",
    );
    expect(codeOf(ServingError, () => new DynamicBatcher({ maxBatchSize: 2.5, maxWaitMs: 5, runBatch }))).toBe(
      "INVALID_OPTION",
    );
    expect(messageOf(ServingError, () => new DynamicBatcher({ maxBatchSize: 4, maxWaitMs: 0, runBatch }))).toContain(
      "maxWaitMs",
    );
  });
});

describe("FeatureStore: point-in-time reads", () => {
  it("reads the latest value at or before the time asked, never a later one", () => {
    const store = new FeatureStore();
    store.write("user-7", "txn_count_1h", 3, 1_000);
    store.write("user-7", "txn_count_1h", 9, 2_000);
    expect(store.getAsOf("user-7", "txn_count_1h", 999)).toBeUndefined();
    const atItsTime = store.getAsOf("user-7", "txn_count_1h", 1_000);
    ensure(
      atItsTime === 3,
      `as of t=1,000, the event time of the value 3, the store answered ${String(atItsTime)}: a value is known from its event time on (event time <= asOf), and a value from later must never leak into an earlier read`,
    );
    const before = store.getAsOf("user-7", "txn_count_1h", 1_999);
    ensure(
      before === 3,
      `as of t=1,999 the store answered ${String(before)}; the value 9 was only known from t=2,000: reading it earlier leaks the future into the past`,
    );
    expect(store.getAsOf("user-7", "txn_count_1h", 2_000)).toBe(9);
    expect(store.getAsOf("user-7", "other", 5_000)).toBeUndefined();
    expect(store.getAsOf("user-8", "txn_count_1h", 5_000)).toBeUndefined();
  });

  it("late data lands at its event time; a second value at the same event time is a correction", () => {
    const store = new FeatureStore();
    store.write("u", "f", 30, 3_000);
    store.write("u", "f", 10, 1_000); // late: arrives after the value of 3,000
    store.write("u", "f", 20, 2_000);
    const reads = [1_500, 2_500, 3_500].map((t) => store.getAsOf("u", "f", t));
    ensure(
      reads.join() === "10,20,30",
      `as of 1,500 / 2,500 / 3,500 the store read [${reads.join(", ")}]; values that arrive out of order must land at their event time`,
    );
    store.write("u", "f", 25, 2_000);
    expect(store.getAsOf("u", "f", 2_500)).toBe(25);
  });

  it("maxAgeMs: a value exactly maxAgeMs old still counts, one a millisecond older does not", () => {
    const store = new FeatureStore();
    store.write("u", "f", 1, 1_000);
    const edge = store.getAsOf("u", "f", 1_500, 500);
    ensure(
      edge === 1,
      `a value exactly maxAgeMs (500) old read as ${String(edge)}; at exactly maxAgeMs it still counts`,
    );
    const stale = store.getAsOf("u", "f", 1_501, 500);
    ensure(
      stale === undefined,
      `a value 501 ms old read as ${String(stale)} with maxAgeMs 500; older than maxAgeMs is too old`,
    );
  });

  it("trainingRows joins each label with every feature as of the label's time", () => {
    const store = new FeatureStore();
    store.write("card-1", "spend_24h", 120, 100);
    store.write("card-1", "spend_24h", 4_800, 300); // the fraud spree
    store.write("card-1", "country_changes", 0, 50);
    store.write("card-1", "country_changes", 3, 320);
    const rows = store.trainingRows(
      [
        { entityId: "card-1", time: 310, label: 1 },
        { entityId: "card-2", time: 310, label: 0 },
      ],
      ["spend_24h", "country_changes"],
    );
    expect(rows).toEqual([
      { entityId: "card-1", time: 310, label: 1, features: { spend_24h: 4_800, country_changes: 0 } },
      { entityId: "card-2", time: 310, label: 0, features: { spend_24h: undefined, country_changes: undefined } },
    ]);
  });

  it("agrees with the definition on seeded histories written in random order", () => {
    const faker = seededFaker();
    const store = new FeatureStore();
    const truth: { entity: string; t: number; v: number }[] = [];
    const entities = ["a", "b", "c"];
    const times = faker.helpers.shuffle(Array.from({ length: 300 }, (_, i) => i * 7));
    for (const t of times) {
      const entity = faker.helpers.arrayElement(entities);
      const v = faker.number.int({ min: 0, max: 1_000 });
      store.write(entity, "f", v, t);
      truth.push({ entity, t, v });
    }
    for (let q = 0; q < 300; q++) {
      const entity = faker.helpers.arrayElement(entities);
      const asOf = faker.number.int({ min: -10, max: 2_200 });
      const known = truth
        .filter((x) => x.entity === entity && x.t <= asOf)
        .sort((x, y) => x.t - y.t)
        .at(-1);
      const got = store.getAsOf(entity, "f", asOf);
      ensure(
        got === known?.v,
        `${entity} as of ${asOf}: got ${String(got)}, the latest value at or before it is ${String(known?.v)}`,
      );
    }
  });

  it("INVALID_FEATURE for an empty id or name, a time or value that is not finite, a negative maxAgeMs", () => {
    const store = new FeatureStore();
    expect(codeOf(ServingError, () => store.write("", "f", 1, 1))).toBe("INVALID_FEATURE");
    expect(messageOf(ServingError, () => store.write("u", "f", Number.NaN, 1))).toContain("value");
    expect(messageOf(ServingError, () => store.write("u", "f", 1, Number.POSITIVE_INFINITY))).toContain("eventTime");
    expect(codeOf(ServingError, () => store.getAsOf("u", "", 1))).toBe("INVALID_FEATURE");
    expect(messageOf(ServingError, () => store.getAsOf("u", "f", 1, -1))).toContain("maxAgeMs");
    expect(store.getAsOf("u", "f", 1)).toBeUndefined(); // the refused writes wrote nothing
  });
});
