import { codeOf, ensure, messageOf } from "#kata/testing";
import {
  CrashingLog,
  FAST_RETRIES,
  OrderWorld,
  STEP_NAMES,
  SimulatedCrash,
  order,
  runToEnd,
  setup,
  type Order,
} from "./order-saga";
import { SagaError } from "./src/errors";
import { MemorySagaLog, type SagaLog, type SagaLogEntry } from "./src/saga-log";
import { SagaOrchestrator, type SagaStatus } from "./src/saga-orchestrator";

function describeStatus(status: SagaStatus): string {
  return `${status.state}, completed [${status.completed.join(", ")}], compensated [${status.compensated.join(", ")}]`;
}

function entryTypes(log: SagaLog<Order>): string[] {
  return log.entries().map((e) => ("step" in e ? `${e.type} ${e.step}` : e.type));
}

describe("the happy path", () => {
  it("start() records the saga and runs nothing; runDue() runs every step in order and completes it", () => {
    const { world, orchestrator } = setup();
    const started = orchestrator.start("order-1", order("order-1"));
    expect(started.state).toBe("running");
    ensure(
      world.calls.length === 0,
      `start() called ${world.calls.length} step(s); it only records the saga: runDue() makes the attempts`,
    );
    expect(orchestrator.nextDueAt).toBe(0);

    expect(orchestrator.runDue()).toBe(4);
    const status = orchestrator.status("order-1");
    expect(status).toEqual({
      id: "order-1",
      state: "completed",
      completed: [...STEP_NAMES],
      compensated: [],
      failure: undefined,
      stuck: undefined,
      nextAttemptAt: undefined,
    });
    expect(world.callsOf("order-1")).toEqual(STEP_NAMES.map((name) => `run ${name}#1`));
    expect(world.inPlaceFor("order-1")).toEqual([...STEP_NAMES]);
    expect(orchestrator.nextDueAt).toBeUndefined();
  });

  it("logs the saga's start, each completed step and the end, in that order", () => {
    const { orchestrator, log } = setup();
    orchestrator.start("order-1", order("order-1"));
    orchestrator.runDue();
    expect(entryTypes(log)).toEqual([
      "saga-started",
      ...STEP_NAMES.map((name) => `step-completed ${name}`),
      "saga-completed",
    ]);
    expect(log.entries()[0]).toEqual({ type: "saga-started", sagaId: "order-1", input: order("order-1") });
  });

  it("hands every step the saga's id, its input and attempt 1", () => {
    const seen: string[] = [];
    const world = new OrderWorld();
    const { orchestrator } = setup({}, world);
    const input = order("order-7", 1_250);
    orchestrator.start("order-7", input);
    const payment = world.services.chargePayment;
    const run = payment.run.bind(payment);
    payment.run = (call) => {
      seen.push(`${call.sagaId} ${call.input.amountCents} #${call.attempt}`);
      ensure(call.input === input, "the step received a copy of the input, not the input start() was given");
      run(call);
    };
    orchestrator.runDue();
    expect(seen).toEqual(["order-7 1250 #1"]);
  });
});

describe("a step the service rejects", () => {
  it("compensates exactly the steps that completed, last first; the rejected step took no effect and is not undone", () => {
    const world = new OrderWorld().inject({ step: "arrangeShipping", action: "run", kind: "reject" });
    const { orchestrator } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    orchestrator.runDue();
    const status = orchestrator.status("order-1");
    ensure(
      status.state === "compensated",
      `shipping said no, so the saga must undo what it did and end compensated; it is ${describeStatus(status)}`,
    );
    expect(world.callsOf("order-1")).toEqual([
      "run reserveInventory#1",
      "run chargePayment#1",
      "run arrangeShipping#1",
      "compensate chargePayment#1",
      "compensate reserveInventory#1",
    ]);
    expect(status.compensated).toEqual(["chargePayment", "reserveInventory"]);
    expect(status.failure).toEqual({
      step: "arrangeShipping",
      outcome: "rejected",
      reason: "arrangeShipping refused order order-1",
    });
    expect(world.inPlaceFor("order-1")).toEqual([]);
  });

  it("a rejection at the first step leaves nothing to undo: compensated at once, no compensation called", () => {
    const world = new OrderWorld().inject({ step: "reserveInventory", action: "run", kind: "reject" });
    const { orchestrator, log } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    orchestrator.runDue();
    expect(orchestrator.status("order-1").state).toBe("compensated");
    const undone = world.callsOf("order-1").filter((c) => c.startsWith("compensate"));
    ensure(
      undone.length === 0,
      `the stock service said no and took no effect, yet the saga called [${undone.join(", ")}]: a rejected step is not undone (its undo could release stock another order holds)`,
    );
    expect(entryTypes(log)).toEqual(["saga-started", "step-failed reserveInventory", "saga-compensated"]);
  });

  it("a rejection at the last step undoes the three before it in reverse order", () => {
    const world = new OrderWorld().inject({ step: "confirmOrder", action: "run", kind: "reject" });
    const { orchestrator } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    orchestrator.runDue();
    const status = orchestrator.status("order-1");
    ensure(
      status.compensated.join() === "arrangeShipping,chargePayment,reserveInventory",
      `compensations must run in the reverse order of the steps (cancel the shipment before refunding, refund before releasing stock); they ran as [${status.compensated.join(", ")}]`,
    );
  });

  it("is not retried: a definite no would only be repeated", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "reject" });
    const { orchestrator } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    orchestrator.runDue();
    const runs = world.callsOf("order-1").filter((c) => c.startsWith("run chargePayment"));
    ensure(runs.length === 1, `a rejected payment was tried ${runs.length} times; StepRejected is final, not retried`);
  });
});

describe("retries with backoff", () => {
  it("retries a failed run after 100, then 200 ms, with the same idempotency key", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "lost", times: 2 });
    const { orchestrator, clock } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    expect(orchestrator.runDue()).toBe(2);
    expect(orchestrator.status("order-1").nextAttemptAt).toBe(100);
    clock.advance(99);
    ensure(orchestrator.runDue() === 0, "the retry ran at t=99; the first backoff is retryDelayMs (100 ms)");
    clock.advance(1);
    expect(orchestrator.runDue()).toBe(1);
    ensure(
      orchestrator.nextDueAt === 300,
      `after the second failure the next attempt is due at ${String(orchestrator.nextDueAt)}; the backoff doubles: 100 + 200 = 300`,
    );
    clock.advance(200);
    orchestrator.runDue();
    expect(orchestrator.status("order-1").state).toBe("completed");
    const keys = new Set(world.calls.filter((c) => c.step === "chargePayment").map((c) => c.key));
    ensure(
      keys.size === 1,
      `the three attempts at the payment carried ${keys.size} different idempotency keys; a retry must repeat its key, or the service cannot tell it from a new charge`,
    );
    expect(world.callsOf("order-1").filter((c) => c.includes("chargePayment"))).toEqual([
      "run chargePayment#1",
      "run chargePayment#2",
      "run chargePayment#3",
    ]);
  });

  it("a retry of a call that went through before its answer was lost charges once", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "late" });
    const { orchestrator, clock } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    runToEnd(orchestrator, clock);
    const twice = world.appliedTwice("order-1");
    ensure(twice.length === 0, `${twice.join("; ")}: the retry must carry the first attempt's idempotency key`);
    expect(orchestrator.status("order-1").state).toBe("completed");
  });

  it("caps the backoff at maxRetryDelayMs", () => {
    const world = new OrderWorld().inject({ step: "reserveInventory", action: "run", kind: "lost", times: 5 });
    const { orchestrator, clock } = setup({ maxAttempts: 6, retryDelayMs: 100, maxRetryDelayMs: 300 }, world);
    orchestrator.start("order-1", order("order-1"));
    const dueTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      orchestrator.runDue();
      const next = orchestrator.nextDueAt as number;
      dueTimes.push(next - clock.now());
      clock.advance(next - clock.now());
    }
    expect(dueTimes).toEqual([100, 200, 300, 300, 300]);
  });
});

describe("a step whose outcome is unknown", () => {
  it("after maxAttempts failures it is undone too, first, since it may have taken effect", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "lost", times: 3 });
    const { orchestrator, clock } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    runToEnd(orchestrator, clock);
    const status = orchestrator.status("order-1");
    expect(status.failure).toEqual({
      step: "chargePayment",
      outcome: "unknown",
      reason: "chargePayment: request timed out (never arrived)",
    });
    ensure(
      status.compensated.join() === "chargePayment,reserveInventory",
      `three payment attempts timed out: nobody knows whether the card was charged, so the refund (a no-op if nothing was charged) comes first, then the stock; compensated [${status.compensated.join(", ")}]`,
    );
  });

  it("a charge that went through on its last attempt is refunded", () => {
    const world = new OrderWorld()
      .inject({ step: "chargePayment", action: "run", kind: "lost", times: 2 })
      .inject({ step: "chargePayment", action: "run", kind: "late" });
    const { orchestrator, clock } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    runToEnd(orchestrator, clock);
    const left = world.inPlaceFor("order-1");
    ensure(
      left.length === 0,
      `the saga ended ${orchestrator.status("order-1").state} with [${left.join(", ")}] still in place: the customer was charged for an order that will never ship`,
    );
  });
});

describe("compensations that fail", () => {
  it("are retried with backoff until they succeed", () => {
    const world = new OrderWorld()
      .inject({ step: "arrangeShipping", action: "run", kind: "reject" })
      .inject({ step: "chargePayment", action: "compensate", kind: "lost", times: 2 });
    const { orchestrator, clock } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    runToEnd(orchestrator, clock);
    expect(orchestrator.status("order-1").state).toBe("compensated");
    expect(world.callsOf("order-1").slice(3)).toEqual([
      "compensate chargePayment#1",
      "compensate chargePayment#2",
      "compensate chargePayment#3",
      "compensate reserveInventory#1",
    ]);
    expect(world.inPlaceFor("order-1")).toEqual([]);
  });

  it("leave the saga stuck after maxCompensationAttempts, naming the step, with nothing before it undone", () => {
    const world = new OrderWorld()
      .inject({ step: "arrangeShipping", action: "run", kind: "reject" })
      .inject({ step: "chargePayment", action: "compensate", kind: "lost", times: 99 });
    const { orchestrator, clock, log } = setup({}, world);
    orchestrator.start("order-1", order("order-1"));
    runToEnd(orchestrator, clock);
    const status = orchestrator.status("order-1");
    ensure(
      status.state === "stuck",
      `the refund failed on every attempt, yet the saga says ${status.state}; a saga that could not undo a step must say so (stuck), never compensated`,
    );
    expect(status.stuck).toEqual({ step: "chargePayment", reason: "chargePayment: undo timed out (never arrived)" });
    expect(world.callsOf("order-1").filter((c) => c.startsWith("compensate"))).toHaveLength(
      FAST_RETRIES.maxCompensationAttempts,
    );
    ensure(
      world.inPlaceFor("order-1").includes("reserveInventory"),
      "the stock was released though the refund before it never happened: compensation stops at the stuck step, in order",
    );
    expect(entryTypes(log).at(-1)).toBe("saga-stuck chargePayment");
    expect(status.nextAttemptAt).toBeUndefined();
  });
});

describe("many sagas", () => {
  it("a saga waiting on a retry does not hold back the others", () => {
    const world = new OrderWorld().inject({ step: "chargePayment", action: "run", kind: "lost", sagaId: "slow" });
    const { orchestrator } = setup({}, world);
    orchestrator.start("slow", order("slow"));
    orchestrator.start("fast", order("fast"));
    orchestrator.runDue();
    expect(orchestrator.status("fast").state).toBe("completed");
    expect(orchestrator.status("slow").state).toBe("running");
    expect(orchestrator.nextDueAt).toBe(100);
  });

  it("sagas due at the same instant run in the order they were started", () => {
    const world = new OrderWorld();
    const { orchestrator } = setup({}, world);
    for (const id of ["c", "a", "b"]) orchestrator.start(id, order(id));
    orchestrator.runDue();
    const firstCalls = world.calls.filter((c) => c.step === "reserveInventory").map((c) => c.sagaId);
    expect(firstCalls).toEqual(["c", "a", "b"]);
  });
});

/**
 * Every append of the first six, crashed before and after storing, except the saga's own start
 * lost before it was stored (then the saga never existed: see its own test).
 */
const CRASH_POINTS: [number, "before-store" | "after-store"][] = Array.from({ length: 6 }, (_, i) => i + 1)
  .flatMap((n): [number, "before-store" | "after-store"][] => [
    [n, "before-store"],
    [n, "after-store"],
  ])
  .filter(([n, when]) => !(n === 1 && when === "before-store"));

describe("recovery after a crash", () => {
  /** Crashes the orchestrator on append #n, then recovers on the same log and runs to the end. */
  function crashAndRecover(
    world: OrderWorld,
    n: number,
    when: "before-store" | "after-store",
  ): { status: SagaStatus; crashed: boolean } {
    const log = new CrashingLog(n, when);
    const first = setup({ log }, world);
    let crashed = false;
    try {
      first.orchestrator.start("order-1", order("order-1"));
      runToEnd(first.orchestrator, first.clock);
    } catch (error) {
      if (!(error instanceof SimulatedCrash)) throw error;
      crashed = true;
    }
    if (!crashed) return { status: first.orchestrator.status("order-1"), crashed };
    const second = setup({ log: log.durable }, world, first.clock);
    runToEnd(second.orchestrator, second.clock);
    return { status: second.orchestrator.status("order-1"), crashed };
  }

  it.each(CRASH_POINTS)(
    "a crash on log append #%i (%s) of a saga that succeeds: recovered, every step done exactly once",
    (n, when) => {
      const world = new OrderWorld();
      const { status, crashed } = crashAndRecover(world, n, when);
      expect(crashed).toBe(true);
      ensure(
        status.state === "completed",
        `after a crash on append #${n} (${when}) and a restart the saga is ${describeStatus(status)}; it must finish`,
      );
      const twice = world.appliedTwice("order-1");
      ensure(
        twice.length === 0,
        `after a crash on append #${n} (${when}): ${twice.join("; ")}. A step re-run after a restart must carry the same idempotency key`,
      );
      expect(world.inPlaceFor("order-1")).toEqual([...STEP_NAMES]);
    },
  );

  it.each(CRASH_POINTS)(
    "a crash on log append #%i (%s) of a saga that compensates: recovered, nothing left in place",
    (n, when) => {
      const world = new OrderWorld().inject({ step: "arrangeShipping", action: "run", kind: "reject", times: 99 });
      const { status } = crashAndRecover(world, n, when);
      ensure(
        status.state === "compensated",
        `after a crash on append #${n} (${when}) and a restart the saga is ${describeStatus(status)}; shipping refuses this order, so it must end compensated`,
      );
      const left = world.inPlaceFor("order-1");
      ensure(left.length === 0, `after a crash on append #${n} (${when}) [${left.join(", ")}] stayed in place`);
    },
  );

  it("a crash before the start was stored: after the restart the saga does not exist, and may be started", () => {
    const log = new CrashingLog(1, "before-store");
    const first = setup({ log });
    expect(() => first.orchestrator.start("order-1", order("order-1"))).toThrow(SimulatedCrash);
    const second = setup({ log: log.durable }, first.world);
    expect(codeOf(SagaError, () => second.orchestrator.status("order-1"))).toBe("UNKNOWN_SAGA");
    second.orchestrator.start("order-1", order("order-1"));
    runToEnd(second.orchestrator, second.clock);
    expect(second.orchestrator.status("order-1").state).toBe("completed");
  });

  it("a new orchestrator over a log with a finished saga knows it and refuses its id", () => {
    const { orchestrator, log } = setup();
    orchestrator.start("order-1", order("order-1"));
    orchestrator.runDue();
    const again = setup({ log });
    expect(again.orchestrator.status("order-1").state).toBe("completed");
    expect(again.orchestrator.nextDueAt).toBeUndefined();
    expect(codeOf(SagaError, () => again.orchestrator.start("order-1", order("order-1")))).toBe("DUPLICATE_SAGA");
  });
});

describe("the log comes first", () => {
  /** A log that refuses its n-th append once (a full disk), and works again afterwards. */
  class RefusingLog extends MemorySagaLog<Order> {
    private count = 0;
    constructor(private readonly refuse: number) {
      super();
    }
    override append(entry: SagaLogEntry<Order>): void {
      if (++this.count === this.refuse) throw new Error("disk full");
      super.append(entry);
    }
  }

  it("an entry the log refused changes nothing in memory; the next runDue() carries on, charging once", () => {
    const log = new RefusingLog(3); // saga-started, reserveInventory completed, chargePayment completed: refused
    const { world, orchestrator } = setup({ log });
    orchestrator.start("order-1", order("order-1"));
    expect(() => orchestrator.runDue()).toThrow("disk full");
    const status = orchestrator.status("order-1");
    ensure(
      status.completed.join() === "reserveInventory",
      `the log refused "chargePayment completed", yet status() says completed [${status.completed.join(", ")}]: record in memory only what the log holds, or a restart will disagree with what you reported`,
    );
    expect(orchestrator.nextDueAt).toBe(0);
    orchestrator.runDue();
    expect(orchestrator.status("order-1").state).toBe("completed");
    expect(world.appliedTwice("order-1")).toEqual([]);
  });
});

describe("bad input", () => {
  const steps = new OrderWorld().steps();
  const base = { steps, log: new MemorySagaLog<Order>(), clock: () => 0 };

  it.each([
    ["maxAttempts", 0],
    ["maxAttempts", 1.5],
    ["maxCompensationAttempts", 0],
    ["retryDelayMs", 0],
    ["retryDelayMs", Number.NaN],
    ["maxRetryDelayMs", -1],
  ])("INVALID_OPTION for %s = %p, naming it", (name, value) => {
    const message = messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, [name]: value }));
    expect(codeOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, [name]: value }))).toBe("INVALID_OPTION");
    expect(message).toContain(name);
  });

  it("INVALID_OPTION when maxRetryDelayMs is below retryDelayMs", () => {
    expect(
      codeOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, retryDelayMs: 500, maxRetryDelayMs: 100 })),
    ).toBe("INVALID_OPTION");
  });

  it("INVALID_STEP for no steps, a duplicate name, or a step without compensate", () => {
    expect(codeOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: [] }))).toBe("INVALID_STEP");
    const twice = [steps[0], steps[0]] as typeof steps;
    expect(messageOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: twice }))).toContain(
      "reserveInventory",
    );
    const noUndo = [{ name: "x", run: () => undefined }] as unknown as typeof steps;
    expect(codeOf(SagaError, () => new SagaOrchestrator<Order>({ ...base, steps: noUndo }))).toBe("INVALID_STEP");
  });

  it("INVALID_SAGA_ID, DUPLICATE_SAGA and UNKNOWN_SAGA, and a refused start logs nothing", () => {
    const { orchestrator, log } = setup();
    expect(codeOf(SagaError, () => orchestrator.start("", order("x")))).toBe("INVALID_SAGA_ID");
    orchestrator.start("order-1", order("order-1"));
    expect(codeOf(SagaError, () => orchestrator.start("order-1", order("order-1")))).toBe("DUPLICATE_SAGA");
    expect(log.entries()).toHaveLength(1);
    expect(codeOf(SagaError, () => orchestrator.status("order-2"))).toBe("UNKNOWN_SAGA");
    expect(codeOf(SagaError, () => orchestrator.status(7 as unknown as string))).toBe("INVALID_SAGA_ID");
  });

  it("CORRUPT_LOG for an entry of a saga the log never started", () => {
    const log = new MemorySagaLog<Order>();
    log.append({ type: "step-completed", sagaId: "ghost", step: "reserveInventory" });
    const message = messageOf(SagaError, () => setup({ log }));
    expect(codeOf(SagaError, () => setup({ log }))).toBe("CORRUPT_LOG");
    expect(message).toContain("ghost");
  });
});
