import { ManualClock, codeOf, deferred, ensure, flushPromises, messageOf, seededFaker } from "#kata/testing";
import { ServingError } from "./src/errors";
import { DynamicBatcher, FeatureStore } from "./src/model-batcher";

function watch<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const watched: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(watched, { settled: true, value }),
    (error: unknown) => Object.assign(watched, { settled: true, error }),
  );
  return watched;
}

describe("the batcher, more edges", () => {
  it("maxBatchSize 1: every request leaves alone, at once", () => {
    const clock = new ManualClock();
    const seen: number[][] = [];
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 1,
      maxWaitMs: 50,
      clock,
      runBatch: (inputs) => {
        seen.push([...inputs]);
        return Promise.resolve(inputs);
      },
    });
    for (const x of [1, 2, 3]) void batcher.submit(x);
    expect(seen).toEqual([[1], [2], [3]]);
    expect(clock.pending).toBe(0);
  });

  it("flush() cancels the wait: the next batch keeps its own full wait", () => {
    const clock = new ManualClock();
    const times: number[] = [];
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 10,
      maxWaitMs: 10,
      clock,
      runBatch: (inputs) => {
        times.push(clock.now());
        return Promise.resolve(inputs);
      },
    });
    void batcher.submit(1);
    clock.advance(4);
    batcher.flush();
    clock.advance(2);
    void batcher.submit(2); // its wait runs to 16
    clock.advance(4); // t = 10: the flushed batch's deadline
    ensure(
      times.length === 1,
      `a batch left at t=${String(times[1])}: the flushed batch's timer fired on the next one`,
    );
    clock.advance(6);
    expect(times).toEqual([4, 16]);
  });

  it("batches answered in reverse order still settle each request with its own output", async () => {
    const clock = new ManualClock();
    const pending: { inputs: readonly number[]; answer: ReturnType<typeof deferred<readonly number[]>> }[] = [];
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 3,
      maxWaitMs: 10,
      clock,
      runBatch: (inputs) => {
        const answer = deferred<readonly number[]>();
        pending.push({ inputs, answer });
        return answer.promise;
      },
    });
    const results = Array.from({ length: 9 }, (_, i) => watch(batcher.submit(i)));
    for (const { inputs, answer } of [...pending].reverse()) answer.resolve(inputs.map((x) => x + 100));
    await flushPromises();
    expect(results.map((r) => r.value)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108]);
  });

  it("an answer that is not an array, or too long, is BATCH_SIZE_MISMATCH", async () => {
    for (const answer of [undefined, [1, 2, 3]]) {
      const batcher = new DynamicBatcher<number, number>({
        maxBatchSize: 2,
        maxWaitMs: 10,
        clock: new ManualClock(),
        runBatch: () => Promise.resolve(answer as unknown as readonly number[]),
      });
      const results = [batcher.submit(1), batcher.submit(2)].map(watch);
      await flushPromises();
      for (const r of results) expect((r.error as ServingError).code).toBe("BATCH_SIZE_MISMATCH");
    }
  });

  it("a request submitted while a batch is being answered joins a new batch", async () => {
    const clock = new ManualClock();
    const seen: number[][] = [];
    const batcher = new DynamicBatcher<number, number>({
      maxBatchSize: 2,
      maxWaitMs: 10,
      clock,
      runBatch: (inputs) => {
        seen.push([...inputs]);
        return Promise.resolve(inputs);
      },
    });
    const follow = batcher.submit(1).then(() => batcher.submit(99));
    void batcher.submit(2);
    await flushPromises();
    expect(batcher.waiting).toBe(1);
    clock.advance(10);
    expect(await follow).toBe(99);
    expect(seen).toEqual([[1, 2], [99]]);
  });

  it("seeded: with many sizes and waits, every batch is within its size and every wait within maxWaitMs", async () => {
    const faker = seededFaker(4242);
    for (let round = 0; round < 5; round++) {
      const maxBatchSize = faker.number.int({ min: 1, max: 6 });
      const maxWaitMs = faker.number.int({ min: 1, max: 20 });
      const clock = new ManualClock();
      const left = new Map<number, number>();
      const batcher = new DynamicBatcher<number, number>({
        maxBatchSize,
        maxWaitMs,
        clock,
        runBatch: (inputs) => {
          expect(inputs.length).toBeLessThanOrEqual(maxBatchSize);
          for (const x of inputs) left.set(x, clock.now());
          return Promise.resolve(inputs.map((x) => -x));
        },
      });
      const arrived: number[] = [];
      const answers: Promise<number>[] = [];
      for (let i = 0; i < 120; i++) {
        clock.advance(faker.number.int({ min: 0, max: maxWaitMs }));
        arrived.push(clock.now());
        answers.push(batcher.submit(i));
      }
      clock.advance(maxWaitMs);
      expect(await Promise.all(answers)).toEqual(answers.map((_, i) => -i));
      arrived.forEach((t, i) => {
        const waited = (left.get(i) as number) - t;
        ensure(
          waited >= 0 && waited <= maxWaitMs,
          `round ${round}: request ${i} waited ${waited} ms (maxWaitMs ${maxWaitMs})`,
        );
      });
    }
  });

  it("INVALID_OPTION for a clock without timers, a model that is not a function, a wait that is not a number", () => {
    const runBatch = (inputs: readonly number[]): Promise<readonly number[]> => Promise.resolve(inputs);
    const noTimers = { now: () => 0 } as unknown as ManualClock;
    expect(
      messageOf(ServingError, () => new DynamicBatcher({ maxBatchSize: 2, maxWaitMs: 5, runBatch, clock: noTimers })),
    ).toContain("clock");
    expect(
      codeOf(
        ServingError,
        () => new DynamicBatcher({ maxBatchSize: 2, maxWaitMs: 5, runBatch: 5 as unknown as typeof runBatch }),
      ),
    ).toBe("INVALID_OPTION");
    expect(codeOf(ServingError, () => new DynamicBatcher({ maxBatchSize: 2, maxWaitMs: Number.NaN, runBatch }))).toBe(
      "INVALID_OPTION",
    );
  });
});

describe("what a refusal says", () => {
  it("a mismatch says how many inputs and what came back", async () => {
    for (const [answer, says] of [
      [[1, 2, 3], "4 inputs with 3 outputs"],
      [undefined, "undefined, not an array"],
    ] as const) {
      const batcher = new DynamicBatcher<number, number>({
        maxBatchSize: 4,
        maxWaitMs: 10,
        clock: new ManualClock(),
        runBatch: () => Promise.resolve(answer as unknown as readonly number[]),
      });
      const results = [1, 2, 3, 4].map((x) => watch(batcher.submit(x)));
      await flushPromises();
      expect((results[0]?.error as ServingError).message).toContain(says);
    }
  });

  it("a clock without now(), and a model that is not a function, are named", () => {
    const runBatch = (inputs: readonly number[]): Promise<readonly number[]> => Promise.resolve(inputs);
    const noNow = { setTimer: () => ({ cancel: () => undefined }) } as unknown as ManualClock;
    expect(
      messageOf(ServingError, () => new DynamicBatcher({ maxBatchSize: 2, maxWaitMs: 5, runBatch, clock: noNow })),
    ).toContain("now()");
    expect(
      messageOf(
        ServingError,
        () => new DynamicBatcher({ maxBatchSize: 2, maxWaitMs: 5, runBatch: null as unknown as typeof runBatch }),
      ),
    ).toContain("runBatch");
  });

  it("the store names the argument it refuses, and refuses a name that is not a string", () => {
    const store = new FeatureStore();
    expect(codeOf(ServingError, () => store.write(42 as unknown as string, "f", 1, 1))).toBe("INVALID_FEATURE");
    expect(messageOf(ServingError, () => store.write("u", "", 1, 1))).toMatch(
      /feature must be a non-empty string, got ""/,
    );
    expect(messageOf(ServingError, () => store.write("", "f", 1, 1))).toContain("entityId");
    expect(messageOf(ServingError, () => store.getAsOf("", "f", 1))).toContain("entityId");
    expect(messageOf(ServingError, () => store.getAsOf("u", "f", Number.NaN))).toMatch(
      /asOf must be a finite number, got NaN/,
    );
    expect(messageOf(ServingError, () => store.trainingRows([{ entityId: "", time: 1, label: 1 }], ["x"]))).toContain(
      "label entityId",
    );
    expect(
      messageOf(ServingError, () => store.trainingRows([{ entityId: "a", time: 1, label: Number.NaN }], ["x"])),
    ).toContain("label must be");
    expect(messageOf(ServingError, () => store.trainingRows([], ["x"], -1))).toContain("maxAgeMs");
    expect(messageOf(ServingError, () => store.trainingRows([], [""]))).toContain("feature");
  });
});

describe("the feature store, more edges", () => {
  it("a history written newest first reads like one written in order, corrections included", () => {
    const store = new FeatureStore();
    for (let t = 1_000; t >= 0; t -= 10) store.write("e", "f", t * 2, t);
    store.write("e", "f", -1, 500);
    expect(store.getAsOf("e", "f", 505)).toBe(-1);
    expect(store.getAsOf("e", "f", 515)).toBe(1_020);
    expect(store.getAsOf("e", "f", 0)).toBe(0);
    expect(store.getAsOf("e", "f", -1)).toBeUndefined();
    expect(store.getAsOf("e", "f", 99_999)).toBe(2_000);
  });

  it("maxAgeMs 0 accepts only a value written at exactly the time asked", () => {
    const store = new FeatureStore();
    store.write("e", "f", 7, 100);
    expect(store.getAsOf("e", "f", 100, 0)).toBe(7);
    expect(store.getAsOf("e", "f", 101, 0)).toBeUndefined();
  });

  it("trainingRows keeps the labels' order and repeats, applies maxAgeMs, and reads each feature on its own", () => {
    const store = new FeatureStore();
    store.write("a", "x", 1, 10);
    store.write("a", "y", 2, 90);
    const rows = store.trainingRows(
      [
        { entityId: "a", time: 100, label: 1 },
        { entityId: "a", time: 20, label: 0 },
        { entityId: "a", time: 100, label: 1 },
      ],
      ["x", "y"],
      50,
    );
    expect(rows.map((r) => r.features)).toEqual([
      { x: undefined, y: 2 },
      { x: 1, y: undefined },
      { x: undefined, y: 2 },
    ]);
    expect(rows.map((r) => r.time)).toEqual([100, 20, 100]);
  });

  it("trainingRows refuses a label with a time that is not finite or an empty feature name, naming it", () => {
    const store = new FeatureStore();
    expect(
      messageOf(ServingError, () => store.trainingRows([{ entityId: "a", time: Number.NaN, label: 1 }], ["x"])),
    ).toContain("time");
    expect(codeOf(ServingError, () => store.trainingRows([], [""]))).toBe("INVALID_FEATURE");
    expect(codeOf(ServingError, () => store.trainingRows([{ entityId: "", time: 1, label: 1 }], ["x"]))).toBe(
      "INVALID_FEATURE",
    );
    expect(store.trainingRows([], ["x"])).toEqual([]);
  });

  it("entities and features never share histories", () => {
    const store = new FeatureStore();
    store.write("a", "x", 1, 10);
    store.write("b", "x", 2, 10);
    store.write("a", "y", 3, 10);
    expect([
      store.getAsOf("a", "x", 10),
      store.getAsOf("b", "x", 10),
      store.getAsOf("a", "y", 10),
      store.getAsOf("b", "y", 10),
    ]).toEqual([1, 2, 3, undefined]);
  });
});
