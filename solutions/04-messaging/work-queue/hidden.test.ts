/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import fc from "fast-check";
import { codeOf, ensure, flushPromises, messageOf as messageOfError, propertySettings } from "#kata/testing";
import { WorkQueueError } from "./src/errors";
import { WorkQueue, type Delivery, type WorkQueueOptions } from "./src/work-queue";

const TIMEOUT = 1_000;

function setup<T = string>(options: WorkQueueOptions = {}) {
  const clock = { now: 0 };
  const queue = new WorkQueue<T>({ visibilityTimeoutMs: TIMEOUT, clock: () => clock.now, ...options });
  return { queue, clock };
}

function mustReceive<T>(queue: WorkQueue<T>, consumer: string): Delivery<T> {
  const delivery = queue.receive(consumer);
  ensure(delivery !== undefined, `receive(${JSON.stringify(consumer)}) gave nothing, but a message was ready`);
  return delivery;
}

const messageOf = (act: () => unknown): string => messageOfError(WorkQueueError, act);

async function rejectionOf(promise: Promise<unknown>): Promise<WorkQueueError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkQueueError) return error;
    throw error;
  }
  throw new Error("expected the send to be refused, but it was accepted");
}

/**
 * The rules as a model anyone can check by eye: every message ever sent in one array, each lease
 * ended by a scan. Slow and obviously right.
 */
class ModelQueue {
  readonly messages: {
    id: number;
    attempt: number;
    consumer: string;
    leaseEndsAt: number;
    state: "ready" | "in flight" | "acked";
  }[] = [];
  readonly blocked: number[] = [];
  now = 0;

  constructor(
    readonly capacity: number,
    readonly whenFull: "reject" | "block",
  ) {}

  private endLeases(): void {
    for (const m of this.messages) if (m.state === "in flight" && this.now >= m.leaseEndsAt) m.state = "ready";
  }

  counts(): [number, number, number] {
    this.endLeases();
    const ready = this.messages.filter((m) => m.state === "ready").length;
    const inFlight = this.messages.filter((m) => m.state === "in flight").length;
    return [ready, inFlight, ready + inFlight];
  }

  private enqueue(): number {
    const id = this.messages.length + 1;
    this.messages.push({ id, attempt: 0, consumer: "", leaseEndsAt: 0, state: "ready" });
    return id;
  }

  send(tag: number): string {
    if (this.counts()[2] < this.capacity) return `id ${this.enqueue()}`;
    if (this.whenFull === "block") {
      this.blocked.push(tag);
      return "blocked";
    }
    return "QUEUE_FULL";
  }

  receive(consumer: string): string {
    this.endLeases();
    const m = this.messages.find((candidate) => candidate.state === "ready");
    if (m === undefined) return "nothing";
    m.attempt++;
    m.consumer = consumer;
    m.leaseEndsAt = this.now + TIMEOUT;
    m.state = "in flight";
    return `message ${m.id} attempt ${m.attempt} to ${consumer} until ${m.leaseEndsAt}`;
  }

  settle(id: number, attempt: number, how: "ack" | "nack"): string {
    this.endLeases();
    const m = this.messages[id - 1];
    if (m === undefined) throw new Error("the model lost a message");
    if (m.state === "acked") return "ALREADY_ACKED";
    if (attempt !== m.attempt || m.state !== "in flight") return "LEASE_EXPIRED";
    if (how === "nack") {
      m.state = "ready";
      return "done";
    }
    m.state = "acked";
    if (this.blocked.length > 0) {
      this.blocked.shift();
      this.enqueue();
    }
    return "done";
  }

  nextLeaseEnd(): number | undefined {
    const ends = this.messages.filter((m) => m.state === "in flight").map((m) => m.leaseEndsAt);
    return ends.length === 0 ? undefined : Math.min(...ends);
  }
}

type Step =
  | { op: "send" }
  | { op: "receive"; consumer: number }
  | { op: "ack" | "nack"; pick: number }
  | { op: "wait"; how: "to the next lease end" | "to 1 ms before it" | "1 ms" | "a while"; ms: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Step>({ op: "send" }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2 }).map<Step>((consumer) => ({ op: "receive", consumer })) },
  { weight: 2, arbitrary: fc.nat(1_000).map<Step>((pick) => ({ op: "ack", pick })) },
  { weight: 2, arbitrary: fc.nat(1_000).map<Step>((pick) => ({ op: "nack", pick })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom("to the next lease end", "to 1 ms before it", "1 ms", "a while"),
        fc.integer({ min: 1, max: 2 * TIMEOUT }),
      )
      .map<Step>(([how, ms]) => ({ op: "wait", how, ms })),
  },
);

function outcomeOf(act: () => void): string {
  try {
    act();
    return "done";
  } catch (error) {
    if (error instanceof WorkQueueError) return error.code;
    throw error;
  }
}

describe("hidden: against a model of the rules", () => {
  test.each(["reject", "block"] as const)(
    "random histories of sends, receives, acks, nacks and waits agree with the model (whenFull %s, capacity 4)",
    async (whenFull) => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 80 }), async (steps) => {
          const { queue, clock } = setup<number>({ capacity: 4, whenFull });
          const model = new ModelQueue(4, whenFull);
          const deliveries: Delivery<number>[] = [];
          const admitted: number[] = [];
          const history: string[] = [];
          let tag = 0;
          for (const step of steps) {
            let got: string;
            let expected: string;
            if (step.op === "send") {
              tag++;
              const mine = tag;
              expected = model.send(mine);
              const state: { outcome: string } = { outcome: "blocked" };
              queue.send(mine).then(
                (id) => {
                  state.outcome = `id ${id}`;
                  admitted.push(id);
                },
                (error: unknown) => {
                  state.outcome = error instanceof WorkQueueError ? error.code : String(error);
                },
              );
              await flushPromises();
              got = state.outcome;
            } else if (step.op === "receive") {
              const consumer = `worker-${step.consumer}`;
              expected = model.receive(consumer);
              const d = queue.receive(consumer);
              got =
                d === undefined
                  ? "nothing"
                  : `message ${d.id} attempt ${d.attempt} to ${d.consumer} until ${d.leaseEndsAt}`;
              if (d !== undefined) deliveries.push(d);
            } else if (step.op === "wait") {
              const next = model.nextLeaseEnd();
              const target =
                step.how === "to the next lease end" && next !== undefined
                  ? next
                  : step.how === "to 1 ms before it" && next !== undefined
                    ? next - 1
                    : step.how === "1 ms"
                      ? clock.now + 1
                      : clock.now + step.ms;
              clock.now = model.now = Math.max(clock.now, target);
              history.push(`wait until ${clock.now}`);
              continue;
            } else {
              const d = deliveries[step.pick % Math.max(1, deliveries.length)];
              if (d === undefined) continue;
              expected = model.settle(d.id, d.attempt, step.op);
              got = outcomeOf(() => (step.op === "ack" ? queue.ack(d) : queue.nack(d)));
              history.push(`${step.op} message ${d.id} attempt ${d.attempt} -> ${got}`);
              ensure(
                got === expected,
                `after ${history.slice(0, -1).join("; ") || "nothing"}, at t=${clock.now} ${step.op} of message ${d.id} attempt ${d.attempt} gave ${got}; ` +
                  `the rules give ${expected}`,
              );
              continue;
            }
            history.push(`${step.op} -> ${got}`);
            ensure(
              got === expected,
              `after ${history.slice(0, -1).join("; ") || "nothing"}, at t=${clock.now} ${step.op} gave ${got}; the rules give ${expected}`,
            );
            const counts = [queue.ready, queue.inFlight, queue.size];
            const modelCounts = model.counts();
            ensure(
              counts.join() === modelCounts.join(),
              `after ${history.join("; ")}, at t=${clock.now} the queue reports ready/in flight/size ${counts.join("/")}; the rules give ${modelCounts.join("/")}`,
            );
            ensure(
              queue.blockedProducers === model.blocked.length,
              `after ${history.join("; ")}, ${queue.blockedProducers} producers are blocked; the rules give ${model.blocked.length}`,
            );
          }
          await flushPromises();
          const sorted = [...admitted].sort((a, b) => a - b);
          ensure(
            admitted.join() === sorted.join(),
            `send promises resolved with ids in the order ${admitted.join(", ")}: blocked producers must be admitted in the order they blocked`,
          );
        }),
        propertySettings(150),
      );
    },
  );
});

describe("hidden: leases and redelivery", () => {
  test("each redelivery counts: a message whose lease ends three times is delivered a fourth time with attempt 4", async () => {
    const { queue, clock } = setup();
    await queue.send("flaky");
    for (let attempt = 1; attempt <= 4; attempt++) {
      const d = mustReceive(queue, `worker-${attempt}`);
      expect([d.attempt, d.leaseEndsAt]).toEqual([attempt, clock.now + TIMEOUT]);
      clock.now += TIMEOUT;
    }
  });

  test("the ready and inFlight counts end leases that are over before they answer", async () => {
    const { queue, clock } = setup();
    await queue.send("a");
    await queue.send("b");
    mustReceive(queue, "w1");
    clock.now = 500;
    mustReceive(queue, "w2");
    clock.now = TIMEOUT;
    expect([queue.ready, queue.inFlight, queue.size]).toEqual([1, 1, 2]);
    clock.now = 500 + TIMEOUT;
    expect([queue.inFlight, queue.ready]).toEqual([0, 2]);
  });

  test("a stale nack is refused and does not give back the message another consumer holds", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const first = mustReceive(queue, "worker-1");
    clock.now = TIMEOUT;
    const second = mustReceive(queue, "worker-2");
    expect(codeOf(WorkQueueError, () => queue.nack(first))).toBe("LEASE_EXPIRED");
    expect([queue.ready, queue.inFlight]).toEqual([0, 1]);
    expect(queue.receive("worker-3")).toBeUndefined();
    queue.ack(second);
  });

  test("a hundred messages given back in a scrambled order are delivered again in send order", async () => {
    const { queue } = setup<number>();
    for (let i = 1; i <= 100; i++) await queue.send(i);
    const held = Array.from({ length: 100 }, () => mustReceive(queue, "w"));
    for (let k = 0; k < 100; k++) queue.nack(held[(k * 37) % 100] as Delivery<number>); // 0, 37, 74, 11, ...
    const order = Array.from({ length: 100 }, () => mustReceive(queue, "w").id);
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  test("messages that come back interleave with fresh ones by id, through many rounds", async () => {
    const { queue, clock } = setup<number>();
    for (let i = 1; i <= 40; i++) await queue.send(i);
    const seen: number[] = [];
    for (let round = 0; round < 40; round++) {
      const d = mustReceive(queue, "w");
      seen.push(d.id);
      if (d.id % 3 === 0 && d.attempt === 1) queue.nack(d);
      else queue.ack(d);
      clock.now += 1;
      await queue.send(100 + round);
    }
    // 3 comes back right after its nack, before 4; so does every multiple of 3.
    expect(seen.slice(0, 8)).toEqual([1, 2, 3, 3, 4, 5, 6, 6]);
  });

  test("without a clock the queue uses a monotonic clock in milliseconds (performance.now)", async () => {
    const queue = new WorkQueue<string>();
    await queue.send("job");
    const before = performance.now();
    const d = mustReceive(queue, "worker-1");
    const after = performance.now();
    ensure(
      d.leaseEndsAt >= before + 30_000 && d.leaseEndsAt <= after + 30_000,
      `with no clock given, a lease taken between performance.now() = ${before} and ${after} ends at ${d.leaseEndsAt}; ` +
        "expected performance.now() + 30000 (Date.now can jump back when the system clock is set)",
    );
  });
});

describe("hidden: the bound", () => {
  test("fifty blocked producers are admitted in the order they blocked, one per ack, with consecutive ids", async () => {
    const { queue } = setup<number>({ capacity: 2, whenFull: "block" });
    await queue.send(-1);
    await queue.send(-2);
    const ids: number[] = [];
    const sends = Array.from({ length: 50 }, (_, i) => queue.send(i).then((id) => ids.push(id)));
    const bodies: number[] = [];
    for (let k = 0; k < 52; k++) {
      const d = mustReceive(queue, "w");
      bodies.push(d.body);
      queue.ack(d);
    }
    await Promise.all(sends);
    expect(bodies).toEqual([-1, -2, ...Array.from({ length: 50 }, (_, i) => i)]);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => i + 3));
  });

  test("a refused ack makes no room for a blocked producer", async () => {
    const { queue, clock } = setup({ capacity: 1, whenFull: "block" });
    await queue.send("a");
    const first = mustReceive(queue, "w1");
    let admitted = false;
    void queue.send("b").then(() => (admitted = true));
    clock.now = TIMEOUT;
    expect(codeOf(WorkQueueError, () => queue.ack(first))).toBe("LEASE_EXPIRED");
    await flushPromises();
    expect([admitted, queue.blockedProducers, queue.size]).toEqual([false, 1, 1]);
  });

  test("capacity Infinity is accepted explicitly, and whenFull block on an unbounded queue never blocks", async () => {
    const queue = new WorkQueue<number>({ capacity: Infinity, whenFull: "block" });
    for (let i = 0; i < 100; i++) await queue.send(i);
    expect([queue.size, queue.blockedProducers, queue.capacity, queue.whenFull]).toEqual([100, 0, Infinity, "block"]);
  });

  test("capacity 1 holds exactly one message", async () => {
    const { queue } = setup({ capacity: 1 });
    expect(await queue.send("a")).toBe(1);
    expect((await rejectionOf(queue.send("b"))).code).toBe("QUEUE_FULL");
  });
});

describe("hidden: what refusals say", () => {
  test("QUEUE_FULL says how full, ready and in flight, that in-flight messages keep their place, and what to do", async () => {
    const { queue } = setup({ capacity: 3 });
    for (const body of ["a", "b", "c"]) await queue.send(body);
    mustReceive(queue, "w");
    const message = (await rejectionOf(queue.send("d"))).message;
    expect(message).toMatch(/full/i);
    expect(message).toMatch(/\b3\b/);
    expect(message).toMatch(/2 ready/);
    expect(message).toMatch(/1 in flight/);
    expect(message).toMatch(/acked/);
    expect(message).toMatch(/not queued/);
    expect(message).toMatch(/backoff/);
    expect(message).toMatch(/whenFull: "block"/);
  });

  test("LEASE_EXPIRED names the delivery, who holds the message now and until when, and says to keep handlers idempotent", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const first = mustReceive(queue, "worker-1");
    clock.now = TIMEOUT;
    mustReceive(queue, "worker-2");
    const message = messageOf(() => queue.ack(first));
    expect(message).toMatch(/^ack of message 1 by attempt 1 \(worker-1\) refused/);
    expect(message).toMatch(/attempt 2 to worker-2/);
    expect(message).toMatch(/holds it until 2000/);
    expect(message).toMatch(/idempotent/);
    expect(message).toMatch(/visibilityTimeoutMs/);
    expect(messageOf(() => queue.nack(first))).toMatch(/^nack of message 1/);
  });

  test("LEASE_EXPIRED says when the lease ended and that the message is back in the queue", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const d = mustReceive(queue, "worker-1");
    clock.now = TIMEOUT + 5;
    const message = messageOf(() => queue.ack(d));
    expect(message).toMatch(/ended at 1000/);
    expect(message).toMatch(/back in the queue/);
  });

  test("LEASE_EXPIRED after a nack says the lease ended at the instant of the nack", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const d = mustReceive(queue, "worker-1");
    clock.now = 10;
    queue.nack(d);
    clock.now = 20;
    expect(messageOf(() => queue.ack(d))).toMatch(/ended at 10 and the message is back in the queue/);
  });

  test("LEASE_EXPIRED after two leases ended says the later delivery no longer holds the message either", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const first = mustReceive(queue, "worker-1");
    clock.now = TIMEOUT;
    mustReceive(queue, "worker-2");
    clock.now = 2 * TIMEOUT;
    const message = messageOf(() => queue.ack(first));
    expect(message).toMatch(/attempt 2 to worker-2/);
    expect(message).toMatch(/no longer holds it either/);
  });

  test("ALREADY_ACKED says the message was acknowledged already and why that matters", async () => {
    const { queue } = setup();
    await queue.send("job");
    const d = mustReceive(queue, "worker-1");
    queue.ack(d);
    const message = messageOf(() => queue.ack(d));
    expect(message).toMatch(/^ack of message 1 by attempt 1 \(worker-1\) refused/);
    expect(message).toMatch(/already acknowledged and deleted, by this delivery or a later one/);
    expect(message).toMatch(/after the lease ended/);
    expect(message).toMatch(/idempotent/);
  });

  test("UNKNOWN_DELIVERY says to pass what receive() returned; a delivery from another queue is unknown here", async () => {
    const one = setup();
    const other = setup();
    await one.queue.send("job");
    await other.queue.send("job");
    const d = mustReceive(one.queue, "w");
    const message = messageOf(() => other.queue.ack(d));
    expect(codeOf(WorkQueueError, () => other.queue.ack(d))).toBe("UNKNOWN_DELIVERY");
    expect(message).toMatch(/^ack\(\{/);
    expect(message).toMatch(/receive\(\)/);
    expect(messageOf(() => other.queue.nack({ ...d }))).toMatch(/^nack/);
    expect([other.queue.ready, one.queue.inFlight]).toEqual([1, 1]);
    one.queue.ack(d);
  });

  test("constructor and receive refusals name the value given", () => {
    expect(messageOf(() => new WorkQueue({ capacity: -4 }))).toMatch(/positive integer.*Infinity.*-4/);
    expect(messageOf(() => new WorkQueue({ whenFull: "drop" as "block" }))).toMatch(/"drop"/);
    expect(messageOf(() => new WorkQueue({ visibilityTimeoutMs: -5 }))).toMatch(/positive, finite.*-5/);
    const { queue } = setup();
    expect(messageOf(() => queue.receive(""))).toMatch(/non-empty string.*""/);
    expect(messageOf(() => queue.receive({ id: 1 } as unknown as string))).toMatch(/\{"id":1\}/);
    expect(messageOf(() => queue.receive(null as unknown as string))).toMatch(/null/);
  });

  test("capacities that are large integers are accepted", () => {
    expect(new WorkQueue({ capacity: 1 }).capacity).toBe(1);
    expect(new WorkQueue({ capacity: 1_000_000 }).capacity).toBe(1_000_000);
    expect(new WorkQueue({ visibilityTimeoutMs: 0.5 }).visibilityTimeoutMs).toBe(0.5);
  });
});
