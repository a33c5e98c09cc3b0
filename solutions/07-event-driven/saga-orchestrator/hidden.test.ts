import { ManualClock, codeOf, ensure, messageOf, seededFaker } from "#kata/testing";
import {
  CrashingLog,
  OrderWorld,
  STEP_NAMES,
  SimulatedCrash,
  order,
  runToEnd,
  setup,
  type Fault,
  type Order,
  type StepName,
} from "./order-saga";
import { SagaError } from "./src/errors";
import { MemorySagaLog, type SagaLogEntry } from "./src/saga-log";
import { SagaOrchestrator, type SagaStatus } from "./src/saga-orchestrator";
import type { SagaStep, StepCall } from "./src/steps";

function describeStatus(status: SagaStatus): string {
  return `${status.state}, completed [${status.completed.join(", ")}], compensated [${status.compensated.join(", ")}]`;
}

describe("idempotency keys", () => {
  /** One service behind two steps, deduplicating by key across both, as one payments API would. */
  function sharedKeyWorld(): { steps: SagaStep<string>[]; applied: string[] } {
    const seen = new Set<string>();
    const applied: string[] = [];
    const step = (name: string): SagaStep<string> => ({
      name,
      run: (call: StepCall<string>) => {
        if (seen.has(call.idempotencyKey)) return;
        seen.add(call.idempotencyKey);
        applied.push(`${call.sagaId} ${name}`);
      },
      compensate: () => undefined,
    });
    return { steps: [step("ship"), step("b/ship")], applied };
  }

  it("two steps of two sagas never share a key, whatever characters the ids hold", () => {
    const { steps, applied } = sharedKeyWorld();
    const clock = new ManualClock();
    const orchestrator = new SagaOrchestrator<string>({ steps, log: new MemorySagaLog(), clock: () => clock.now() });
    orchestrator.start("a", "first");
    orchestrator.start("a/b", "second");
    orchestrator.runDue();
    ensure(
      applied.length === 4,
      `the service applied only [${applied.join(", ")}]: saga "a" at step "b/ship" and saga "a/b" at step "ship" shared a key, so one was answered with the other's result. Build keys so the parts cannot run into each other (JSON, or lengths)`,
    );
  });

  it("a step's compensation has a key of its own, the same on every attempt and after a restart", () => {
    const world = new OrderWorld()
      .inject({ step: "arrangeShipping", action: "run", kind: "reject" })
      .inject({ step: "chargePayment", action: "compensate", kind: "lost", times: 2 });
    const { orchestrator, clock } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    runToEnd(orchestrator, clock);
    const runKey = world.calls.find((c) => c.step === "chargePayment" && c.action === "run")?.key;
    const undoKeys = new Set(
      world.calls.filter((c) => c.step === "chargePayment" && c.action === "compensate").map((c) => c.key),
    );
    expect(undoKeys.size).toBe(1);
    ensure(
      !undoKeys.has(runKey as string),
      "the refund carried the charge's own idempotency key: the payment service answers it as the charge it already made and refunds nothing",
    );
  });

  it("a run re-sent after a restart carries the key it had before the crash", () => {
    const world = new OrderWorld();
    const log = new CrashingLog(3, "before-store"); // the payment's completion is lost
    const first = setup({ log }, world);
    first.orchestrator.start("order-1", order("order-1"));
    expect(() => first.orchestrator.runDue()).toThrow(SimulatedCrash);
    const second = setup({ log: log.durable }, world, first.clock);
    runToEnd(second.orchestrator, second.clock);
    const keys = new Set(world.calls.filter((c) => c.step === "chargePayment").map((c) => c.key));
    ensure(keys.size === 1, `the payment was sent with ${keys.size} different idempotency keys across the restart`);
    expect(world.appliedTwice("order-1")).toEqual([]);
  });
});

describe("recovery, more cases", () => {
  it("a saga that had decided to compensate still compensates after a restart, though the service is healthy again", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "lost", times: 3 });
    // saga-started, reserveInventory completed, chargePayment failed, then the crash before its refund is logged
    const log = new CrashingLog(4, "before-store");
    const first = setup({ log }, world);
    first.orchestrator.start("order-1", order("order-1"));
    expect(() => runToEnd(first.orchestrator, first.clock)).toThrow(SimulatedCrash);
    const second = setup({ log: log.durable }, world, first.clock);
    runToEnd(second.orchestrator, second.clock);
    const status = second.orchestrator.status("order-1");
    ensure(
      status.state === "compensated",
      `the log says the saga had decided to compensate (chargePayment failed), yet after the restart it is ${describeStatus(status)}: a logged decision stands (the customer may already have been told)`,
    );
    expect(world.inPlaceFor("order-1")).toEqual([]);
  });

  it("resumes a compensating saga at the next step to undo, not from the top", () => {
    const world = new OrderWorld().inject({ step: "confirmOrder", action: "run", kind: "reject" });
    // started, 3 completed, confirm failed, shipping compensated: crash as the refund is logged
    const log = new CrashingLog(7, "before-store");
    const first = setup({ log }, world);
    first.orchestrator.start("order-1", order("order-1"));
    expect(() => first.orchestrator.runDue()).toThrow(SimulatedCrash);
    const before = world.calls.length;
    const second = setup({ log: log.durable }, world, first.clock);
    runToEnd(second.orchestrator, second.clock);
    const after = world.calls.slice(before).map((c) => `${c.action} ${c.step}`);
    expect(after).toEqual(["compensate chargePayment", "compensate reserveInventory"]);
    expect(second.orchestrator.status("order-1").compensated).toEqual([
      "arrangeShipping",
      "chargePayment",
      "reserveInventory",
    ]);
  });

  it("a restarted saga is due at once, whatever backoff it was waiting for, its attempts counted afresh", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "lost", times: 4 });
    const log = new MemorySagaLog<Order>();
    const first = setup({ log }, world);
    first.orchestrator.start("order-1", order("order-1"));
    first.orchestrator.runDue();
    first.clock.advance(100);
    first.orchestrator.runDue(); // two attempts failed: the third is due at 300
    first.clock.advance(50);
    const second = setup({ log }, world, first.clock);
    expect(second.orchestrator.nextDueAt).toBe(150);
    expect(second.orchestrator.status("order-1").nextAttemptAt).toBe(150);
    second.orchestrator.runDue();
    const attempts = world.calls.filter((c) => c.step === "chargePayment").map((c) => c.attempt);
    expect(attempts).toEqual([1, 2, 1]);
  });

  it("a crash after the last step's completion was stored: the restart only logs the end, calling no step", () => {
    const world = new OrderWorld();
    const log = new CrashingLog(5, "after-store");
    const first = setup({ log }, world);
    first.orchestrator.start("order-1", order("order-1"));
    expect(() => first.orchestrator.runDue()).toThrow(SimulatedCrash);
    const calls = world.calls.length;
    const second = setup({ log: log.durable }, world, first.clock);
    expect(second.orchestrator.runDue()).toBe(0);
    expect(world.calls.length).toBe(calls);
    expect(second.orchestrator.status("order-1").state).toBe("completed");
    expect(log.durable.entries().at(-1)).toEqual({ type: "saga-completed", sagaId: "order-1" });
  });
});

describe("many sagas under seeded faults and crashes", () => {
  const KINDS = ["reject", "lost", "late"] as const;

  /** Sagas with random faults; the orchestrator crashes at random appends and restarts each time. */
  function chaos(seed: number): { world: OrderWorld; statuses: SagaStatus[]; crashes: number } {
    const faker = seededFaker(seed);
    const world = new OrderWorld();
    const ids = Array.from({ length: 25 }, (_, i) => `order-${seed}-${i}`);
    for (const sagaId of ids) {
      if (!faker.datatype.boolean(0.7)) continue;
      const fault: Fault = {
        sagaId,
        step: faker.helpers.arrayElement(STEP_NAMES) as StepName,
        action: faker.helpers.arrayElement(["run", "compensate"] as const),
        kind: faker.helpers.arrayElement(KINDS),
        times: faker.number.int({ min: 1, max: 6 }),
      };
      world.inject(fault);
      if (faker.datatype.boolean(0.5)) {
        world.inject({ sagaId, step: "arrangeShipping", action: "run", kind: "reject", times: 99 });
      }
    }
    const clock = new ManualClock();
    let log = new CrashingLog(faker.number.int({ min: 2, max: 40 }), "before-store");
    let current = setup({ log }, world, clock).orchestrator;
    for (const sagaId of ids) {
      try {
        current.start(sagaId, order(sagaId));
      } catch (error) {
        if (!(error instanceof SimulatedCrash)) throw error;
        log = restartedLog(
          log,
          faker.number.int({ min: 2, max: 40 }),
          faker.datatype.boolean() ? "before-store" : "after-store",
        );
        current = setup({ log }, world, clock).orchestrator;
        if (!log.entries().some((e) => e.type === "saga-started" && e.sagaId === sagaId))
          current.start(sagaId, order(sagaId));
      }
    }
    let crashes = 0;
    for (;;) {
      try {
        runToEnd(current, clock);
        break;
      } catch (error) {
        if (!(error instanceof SimulatedCrash)) throw error;
        crashes++;
        log = restartedLog(
          log,
          faker.number.int({ min: 2, max: 40 }),
          faker.datatype.boolean() ? "before-store" : "after-store",
        );
        current = setup({ log }, world, clock).orchestrator;
      }
    }
    return { world, statuses: ids.map((id) => current.status(id)), crashes };
  }

  /** A fresh crashing log over the durable entries so far, armed to crash `n` appends later. */
  function restartedLog(old: CrashingLog, n: number, when: "before-store" | "after-store"): CrashingLog {
    const next = new CrashingLog(n, when);
    for (const entry of old.durable.entries()) next.durable.append(entry as SagaLogEntry<Order>);
    return next;
  }

  it.each([1, 2, 3, 4, 5, 6])(
    "seed %i: every saga ends completed, compensated or stuck, each effect applied at most once",
    (offset) => {
      const seed = 7_000 + offset;
      const { world, statuses, crashes } = chaos(seed);
      for (const status of statuses) {
        const twice = world.appliedTwice(status.id);
        ensure(twice.length === 0, `seed ${seed} (${crashes} crashes): saga ${status.id}: ${twice.join("; ")}`);
        const inPlace = world.inPlaceFor(status.id);
        if (status.state === "completed") {
          ensure(
            inPlace.length === STEP_NAMES.length,
            `seed ${seed}: saga ${status.id} says completed but only [${inPlace.join(", ")}] took effect`,
          );
        } else if (status.state === "compensated") {
          ensure(
            inPlace.length === 0,
            `seed ${seed} (${crashes} crashes): saga ${status.id} says compensated but [${inPlace.join(", ")}] is still in place`,
          );
        } else {
          ensure(status.state === "stuck", `seed ${seed}: saga ${status.id} is ${status.state} after runToEnd`);
          ensure(
            status.stuck !== undefined && inPlace.includes(status.stuck.step as StepName),
            `seed ${seed}: saga ${status.id} is stuck at ${String(status.stuck?.step)}, which is not in place: stuck names the compensation that failed`,
          );
        }
      }
    },
  );
});

describe("ordering among sagas", () => {
  it("forty sagas with different backoffs: every attempt happens at exactly its due time", () => {
    const world = new OrderWorld();
    const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
    ids.forEach((id, i) => {
      if (i % 3 > 0) world.inject({ sagaId: id, step: "reserveInventory", action: "run", kind: "lost", times: i % 3 });
      if ((i * 7) % 3 > 0)
        world.inject({ sagaId: id, step: "chargePayment", action: "run", kind: "lost", times: (i * 7) % 3 });
    });
    const { orchestrator, clock } = setup({}, world);
    const seen: string[] = [];
    const record = world.record.bind(world);
    world.record = (step, action, call) => {
      seen.push(`${call.sagaId} ${step}#${call.attempt}@${clock.now()}`);
      record(step, action, call);
    };
    for (const id of ids) orchestrator.start(id, order(id));
    runToEnd(orchestrator, clock);
    const offsets = [0, 100, 300];
    const expected = ids.flatMap((id, i) => {
      const reserveFails = i % 3;
      const payFails = (i * 7) % 3;
      const reserveDone = offsets[reserveFails] as number;
      return [
        ...Array.from({ length: reserveFails + 1 }, (_, a) => `${id} reserveInventory#${a + 1}@${offsets[a]}`),
        ...Array.from(
          { length: payFails + 1 },
          (_, a) => `${id} chargePayment#${a + 1}@${reserveDone + (offsets[a] as number)}`,
        ),
      ];
    });
    const late = expected.filter((line) => !seen.includes(line));
    ensure(
      late.length === 0,
      `${late.length} attempt(s) did not happen at their due time, first ${late[0]}; seen instead: ${seen.filter((l) => l.startsWith(late[0]?.split("#")[0] ?? "?")).join(", ")}`,
    );
  });

  it("sagas retried at the same instant run in start order, and a later-started saga due earlier runs first", () => {
    const world = new OrderWorld();
    for (const id of ["s0", "s2", "s4"])
      world.inject({ sagaId: id, step: "chargePayment", action: "run", kind: "lost" });
    const { orchestrator, clock } = setup({}, world);
    for (let i = 0; i < 5; i++) orchestrator.start(`s${i}`, order(`s${i}`));
    orchestrator.runDue();
    clock.advance(40);
    orchestrator.start("late", order("late"));
    world.inject({ sagaId: "late", step: "reserveInventory", action: "run", kind: "lost" });
    orchestrator.runDue(); // late's first attempt fails: due at 140
    world.calls.length = 0;
    clock.advance(100);
    orchestrator.runDue();
    const order2 = world.calls.filter((c) => c.action === "run").map((c) => c.sagaId);
    expect([...new Set(order2)]).toEqual(["s0", "s2", "s4", "late"]);
  });

  it("runDue() returns the step calls it made and status() hands out copies", () => {
    const { orchestrator } = setup();
    orchestrator.start("a", order("a"));
    orchestrator.start("b", order("b"));
    expect(orchestrator.runDue()).toBe(8);
    const status = orchestrator.status("a");
    (status.completed as string[]).length = 0;
    expect(orchestrator.status("a").completed).toHaveLength(4);
  });

  it("maxAttempts 1 never retries: the first timeout makes the outcome unknown", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "lost" });
    const { orchestrator } = setup({ maxAttempts: 1 }, world);
    orchestrator.start("order-1", order("order-1"));
    orchestrator.runDue();
    expect(orchestrator.status("order-1").failure?.outcome).toBe("unknown");
    expect(orchestrator.status("order-1").state).toBe("compensated");
  });
});

describe("a corrupt log", () => {
  const started: SagaLogEntry<Order> = { type: "saga-started", sagaId: "x", input: order("x") };
  const completed = (step: StepName): SagaLogEntry<Order> => ({ type: "step-completed", sagaId: "x", step });
  const FAILED_AT_PAYMENT: SagaLogEntry<Order> = {
    type: "step-failed",
    sagaId: "x",
    step: "chargePayment",
    outcome: "rejected",
    reason: "declined",
  };
  const REJECTED_FIRST: SagaLogEntry<Order> = {
    type: "step-failed",
    sagaId: "x",
    step: "reserveInventory",
    outcome: "rejected",
    reason: "out of stock",
  };
  it.each<[string, SagaLogEntry<Order>[]]>([
    ["a saga started twice", [started, started]],
    ["a step out of order", [started, { type: "step-completed", sagaId: "x", step: "chargePayment" }]],
    ["a step the saga does not have", [started, { type: "step-completed", sagaId: "x", step: "giftWrap" }]],
    [
      "an entry after the saga finished",
      [
        started,
        { type: "step-failed", sagaId: "x", step: "reserveInventory", outcome: "rejected", reason: "no" },
        { type: "saga-compensated", sagaId: "x" },
        { type: "step-completed", sagaId: "x", step: "reserveInventory" },
      ],
    ],
    [
      "a compensation of a running saga",
      [started, { type: "step-compensated", sagaId: "x", step: "reserveInventory" }],
    ],
    ["the end before the last step", [started, { type: "saga-completed", sagaId: "x" }]],
    [
      "a failure of a step that is not the next",
      [started, { type: "step-failed", sagaId: "x", step: "chargePayment", outcome: "rejected", reason: "no" }],
    ],
    [
      "a failure of a compensating saga",
      [started, completed("reserveInventory"), FAILED_AT_PAYMENT, FAILED_AT_PAYMENT],
    ],
    [
      "a compensation after the saga was stuck",
      [
        started,
        completed("reserveInventory"),
        FAILED_AT_PAYMENT,
        { type: "saga-stuck", sagaId: "x", step: "reserveInventory", reason: "?" },
        { type: "step-compensated", sagaId: "x", step: "reserveInventory" },
      ],
    ],
    [
      "a saga stuck twice",
      [
        started,
        completed("reserveInventory"),
        FAILED_AT_PAYMENT,
        { type: "saga-stuck", sagaId: "x", step: "reserveInventory", reason: "?" },
        { type: "saga-stuck", sagaId: "x", step: "reserveInventory", reason: "?" },
      ],
    ],
    [
      "the end logged twice",
      [
        started,
        completed("reserveInventory"),
        completed("chargePayment"),
        completed("arrangeShipping"),
        completed("confirmOrder"),
        { type: "saga-completed", sagaId: "x" },
        { type: "saga-completed", sagaId: "x" },
      ],
    ],
    ["a step completed by a compensating saga", [started, REJECTED_FIRST, completed("reserveInventory")]],
    [
      "a compensation out of order",
      [
        started,
        completed("reserveInventory"),
        completed("chargePayment"),
        { type: "step-failed", sagaId: "x", step: "arrangeShipping", outcome: "rejected", reason: "no" },
        { type: "step-compensated", sagaId: "x", step: "reserveInventory" },
      ],
    ],
    [
      "the end of a compensation with a step still to undo",
      [started, completed("reserveInventory"), FAILED_AT_PAYMENT, { type: "saga-compensated", sagaId: "x" }],
    ],
    ["a compensated end of a running saga", [started, { type: "saga-compensated", sagaId: "x" }]],
    ["a completed end of a compensating saga", [started, REJECTED_FIRST, { type: "saga-completed", sagaId: "x" }]],
    [
      "a saga stuck while running",
      [started, { type: "saga-stuck", sagaId: "x", step: "reserveInventory", reason: "?" }],
    ],
    [
      "a saga stuck at a step that is not the next to undo",
      [
        started,
        completed("reserveInventory"),
        FAILED_AT_PAYMENT,
        { type: "saga-stuck", sagaId: "x", step: "chargePayment", reason: "?" },
      ],
    ],
  ])("CORRUPT_LOG for %s, naming the saga", (_what, entries) => {
    const log = new MemorySagaLog<Order>();
    for (const entry of entries) log.append(entry);
    expect(codeOf(SagaError, () => setup({ log }))).toBe("CORRUPT_LOG");
    expect(messageOf(SagaError, () => setup({ log }))).toMatch(/saga "?x\b/);
  });

  it("a log whose stuck saga was stuck at the right step is read without complaint", () => {
    const log = new MemorySagaLog<Order>();
    for (const entry of [
      started,
      completed("reserveInventory"),
      FAILED_AT_PAYMENT,
      { type: "saga-stuck", sagaId: "x", step: "reserveInventory", reason: "refund refused" } as const,
    ]) {
      log.append(entry);
    }
    expect(setup({ log }).orchestrator.status("x")).toMatchObject({
      state: "stuck",
      stuck: { step: "reserveInventory", reason: "refund refused" },
      failure: { step: "chargePayment", outcome: "rejected", reason: "declined" },
    });
  });

  it("INVALID_STEP names the step: an empty name, a name that is not a string, a missing run", () => {
    const steps = new OrderWorld().steps();
    const base = { log: new MemorySagaLog<Order>(), clock: () => 0 };
    const named = (name: unknown): SagaStep<Order>[] => [
      steps[0] as SagaStep<Order>,
      { ...(steps[1] as SagaStep<Order>), name: name as string },
    ];
    expect(messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: named("") }))).toContain(
      "steps[1]",
    );
    expect(codeOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: named(42) }))).toBe("INVALID_STEP");
    const noRun = [{ name: "x", compensate: () => undefined }] as unknown as SagaStep<Order>[];
    expect(messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: noRun }))).toContain("run()");
    const twice = [steps[0], steps[1], steps[0]] as SagaStep<Order>[];
    expect(messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: twice }))).toContain("steps[2]");
  });

  it("a backoff that never grows (maxRetryDelayMs equal to retryDelayMs) is fine; a delay given as a string is not", () => {
    const steps = new OrderWorld().steps();
    const base = { steps, log: new MemorySagaLog<Order>(), clock: () => 0 };
    expect(() => new SagaOrchestrator<Order>({ ...base, retryDelayMs: 250, maxRetryDelayMs: 250 })).not.toThrow();
    expect(
      messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, retryDelayMs: 250, maxRetryDelayMs: 249 })),
    ).toContain("maxRetryDelayMs (249)");
    expect(messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: [] }))).toContain(
      "at least one step",
    );
    expect(
      messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, retryDelayMs: "100" as unknown as number })),
    ).toContain("retryDelayMs");
  });

  it("the messages of a refused id name it and say what to do", () => {
    const { orchestrator } = setup();
    orchestrator.start("order-9", order("order-9"));
    expect(messageOf(SagaError, () => orchestrator.start("order-9", order("order-9")))).toMatch(/"order-9".*status/);
    expect(messageOf(SagaError, () => orchestrator.status("order-10"))).toContain('"order-10"');
    expect(messageOf(SagaError, () => orchestrator.start("", order("x")))).toContain("non-empty string");
    expect(messageOf(SagaError, () => orchestrator.start("", order("x")))).toContain("start(");
    expect(messageOf(SagaError, () => orchestrator.status(""))).toContain("status(");
  });

  it("INVALID_OPTION for a clock or a log that is not one", () => {
    const steps = new OrderWorld().steps();
    const clockless = { steps, log: new MemorySagaLog<Order>(), clock: 5 as unknown as () => number };
    expect(messageOf(SagaError, () => new SagaOrchestrator<Order>(clockless))).toContain("clock");
    const logless = { steps, log: {} as unknown as MemorySagaLog<Order>, clock: () => 0 };
    expect(messageOf(SagaError, () => new SagaOrchestrator<Order>(logless))).toContain("log");
  });
});
