/**
 * The order saga the tests run, and the services it calls: fakes that behave as real ones do
 * (they deduplicate by idempotency key, and they fail as they are told to), plus a log that can
 * crash the orchestrator on any append. Test code: read it, no need to change it.
 */
import { ManualClock } from "#kata/testing";
import {
  MemorySagaLog,
  SagaOrchestrator,
  StepRejected,
  type SagaLog,
  type SagaLogEntry,
  type SagaOptions,
  type SagaStep,
  type StepCall,
} from "./src/saga-orchestrator";

export interface Order {
  orderId: string;
  customer: string;
  sku: string;
  quantity: number;
  amountCents: number;
}

export const STEP_NAMES = ["reserveInventory", "chargePayment", "arrangeShipping", "confirmOrder"] as const;
export type StepName = (typeof STEP_NAMES)[number];

/**
 * How a call fails:
 * - reject: the service says no (StepRejected) and does nothing;
 * - lost: the request never arrives (an Error, nothing done);
 * - late: the service does the work, then the answer is lost (an Error after the effect).
 */
export type FaultKind = "reject" | "lost" | "late";

export interface Fault {
  step: StepName;
  action: "run" | "compensate";
  kind: FaultKind;
  /** Only calls of this saga (any saga when absent). */
  sagaId?: string;
  /** How many calls it fails before it stops (default 1). */
  times?: number;
}

/** One call a service received. */
export interface CallRecord {
  step: StepName;
  action: "run" | "compensate";
  sagaId: string;
  key: string;
  attempt: number;
}

/**
 * One service (inventory, payments, shipping or orders), reduced to what a saga can observe: per
 * saga, whether its effect is in place, how many times the effect was applied and undone.
 */
export class FakeService {
  /** The effect is in place for these sagas. */
  readonly inPlace = new Set<string>();
  /** Per saga: how many times the effect was applied (a correct saga: at most once). */
  readonly applied = new Map<string, number>();
  /** Per saga: how many times the effect was undone. */
  readonly undone = new Map<string, number>();
  /** Answers already given, by idempotency key: a repeated key gets the same answer, nothing more. */
  private readonly answered = new Map<string, "ok" | "rejected">();

  constructor(
    readonly step: StepName,
    private readonly world: OrderWorld,
  ) {}

  run(call: StepCall<Order>): void {
    this.world.record(this.step, "run", call);
    const earlier = this.answered.get(call.idempotencyKey);
    if (earlier === "rejected") throw new StepRejected(`${this.step} refused order ${call.sagaId} (repeated answer)`);
    if (earlier === "ok") return;
    const fault = this.world.takeFault(this.step, "run", call.sagaId);
    if (fault === "reject") {
      this.answered.set(call.idempotencyKey, "rejected");
      throw new StepRejected(`${this.step} refused order ${call.sagaId}`);
    }
    if (fault === "lost") throw new Error(`${this.step}: request timed out (never arrived)`);
    this.answered.set(call.idempotencyKey, "ok");
    this.inPlace.add(call.sagaId);
    this.applied.set(call.sagaId, (this.applied.get(call.sagaId) ?? 0) + 1);
    if (fault === "late") throw new Error(`${this.step}: request timed out (after it was done)`);
  }

  compensate(call: StepCall<Order>): void {
    this.world.record(this.step, "compensate", call);
    if (this.answered.get(call.idempotencyKey) === "ok") return;
    const fault = this.world.takeFault(this.step, "compensate", call.sagaId);
    if (fault === "reject") throw new Error(`${this.step}: undo refused for ${call.sagaId}, try again later`);
    if (fault === "lost") throw new Error(`${this.step}: undo timed out (never arrived)`);
    this.answered.set(call.idempotencyKey, "ok");
    if (this.inPlace.delete(call.sagaId)) {
      this.undone.set(call.sagaId, (this.undone.get(call.sagaId) ?? 0) + 1);
    }
    if (fault === "late") throw new Error(`${this.step}: undo timed out (after it was done)`);
  }
}

/** The four services, the faults they are told to inject, and every call they received. */
export class OrderWorld {
  readonly calls: CallRecord[] = [];
  readonly services: Record<StepName, FakeService>;
  private readonly faults: (Fault & { times: number })[] = [];

  constructor() {
    this.services = {
      reserveInventory: new FakeService("reserveInventory", this),
      chargePayment: new FakeService("chargePayment", this),
      arrangeShipping: new FakeService("arrangeShipping", this),
      confirmOrder: new FakeService("confirmOrder", this),
    };
  }

  /** The saga's steps, in order, each calling its service. */
  steps(): SagaStep<Order>[] {
    return STEP_NAMES.map((name) => {
      const service = this.services[name];
      return { name, run: (call) => service.run(call), compensate: (call) => service.compensate(call) };
    });
  }

  inject(fault: Fault): this {
    this.faults.push({ times: 1, ...fault });
    return this;
  }

  /** Used by the services: the fault for this call, if one is armed (each counts down its times). */
  takeFault(step: StepName, action: "run" | "compensate", sagaId: string): FaultKind | undefined {
    const fault = this.faults.find(
      (f) => f.step === step && f.action === action && (f.sagaId === undefined || f.sagaId === sagaId) && f.times > 0,
    );
    if (fault === undefined) return undefined;
    fault.times--;
    return fault.kind;
  }

  record(step: StepName, action: "run" | "compensate", call: StepCall<Order>): void {
    this.calls.push({ step, action, sagaId: call.sagaId, key: call.idempotencyKey, attempt: call.attempt });
  }

  /** The steps whose effect is in place for a saga, in saga order. */
  inPlaceFor(sagaId: string): StepName[] {
    return STEP_NAMES.filter((name) => this.services[name].inPlace.has(sagaId));
  }

  /** Steps whose effect was applied more than once for a saga (a double charge, say). */
  appliedTwice(sagaId: string): string[] {
    return STEP_NAMES.filter((name) => (this.services[name].applied.get(sagaId) ?? 0) > 1).map(
      (name) => `${name} applied ${String(this.services[name].applied.get(sagaId))} times`,
    );
  }

  /** The calls of one saga, as "run reserveInventory#1" / "compensate chargePayment#2" lines. */
  callsOf(sagaId: string): string[] {
    return this.calls.filter((c) => c.sagaId === sagaId).map((c) => `${c.action} ${c.step}#${c.attempt}`);
  }
}

/** Thrown by a CrashingLog: the process died there. Nothing in the orchestrator should catch it. */
export class SimulatedCrash extends Error {
  override readonly name = "SimulatedCrash";
}

/**
 * A log that dies on its n-th append: before storing the entry (it is lost) or after (it is
 * kept, but the orchestrator never hears back). Entries survive in `durable`.
 */
export class CrashingLog implements SagaLog<Order> {
  readonly durable = new MemorySagaLog<Order>();
  private appends = 0;

  constructor(
    private readonly crashOnAppend: number,
    private readonly when: "before-store" | "after-store",
  ) {}

  append(entry: SagaLogEntry<Order>): void {
    this.appends++;
    if (this.appends === this.crashOnAppend && this.when === "before-store") {
      throw new SimulatedCrash(`crashed before storing log entry #${this.appends} (${entry.type})`);
    }
    this.durable.append(entry);
    if (this.appends === this.crashOnAppend) {
      throw new SimulatedCrash(`crashed after storing log entry #${this.appends} (${entry.type})`);
    }
  }

  entries(): readonly SagaLogEntry<Order>[] {
    return this.durable.entries();
  }
}

/** A test's world: services, a clock at t=0, and an orchestrator over `log`. */
export interface Setup {
  world: OrderWorld;
  clock: ManualClock;
  orchestrator: SagaOrchestrator<Order>;
  log: SagaLog<Order>;
}

export const FAST_RETRIES = { maxAttempts: 3, maxCompensationAttempts: 4, retryDelayMs: 100, maxRetryDelayMs: 1_000 };

export function setup(
  options: Partial<Omit<SagaOptions<Order>, "steps" | "clock">> = {},
  world = new OrderWorld(),
  clock = new ManualClock(),
): Setup {
  const log = options.log ?? new MemorySagaLog<Order>();
  const orchestrator = new SagaOrchestrator<Order>({
    ...FAST_RETRIES,
    ...options,
    steps: world.steps(),
    log,
    clock: () => clock.now(),
  });
  return { world, clock, orchestrator, log };
}

export function order(orderId: string, amountCents = 4_999): Order {
  return { orderId, customer: `customer-of-${orderId}`, sku: "SKU-123", quantity: 2, amountCents };
}

/**
 * Runs the orchestrator until no saga is left unfinished: runDue(), then the clock moves to
 * nextDueAt, and again. Returns the rounds it took.
 */
export function runToEnd(orchestrator: SagaOrchestrator<Order>, clock: ManualClock): number {
  for (let round = 1; round <= 10_000; round++) {
    orchestrator.runDue();
    const next = orchestrator.nextDueAt;
    if (next === undefined) return round;
    if (next <= clock.now()) {
      throw new Error(
        `after runDue() at t=${clock.now()} a saga is still due (nextDueAt ${next}): runDue() must make every attempt due now`,
      );
    }
    clock.advance(next - clock.now());
  }
  throw new Error("sagas still unfinished after 10,000 rounds of runDue(): does nextDueAt ever move on?");
}
