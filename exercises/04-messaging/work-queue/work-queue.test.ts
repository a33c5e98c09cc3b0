import { codeOf, codeOfAsync, ensure, flushPromises, messageOf } from "#kata/testing";
import { WorkQueueError } from "./src/errors";
import { WorkQueue, type Delivery, type WorkQueueOptions } from "./src/work-queue";

const TIMEOUT = 1_000;

/** A queue on a clock the test moves by hand, visibility timeout 1,000 ms unless told otherwise. */
function setup<T = string>(options: WorkQueueOptions = {}) {
  const clock = { now: 0 };
  const queue = new WorkQueue<T>({ visibilityTimeoutMs: TIMEOUT, clock: () => clock.now, ...options });
  return { queue, clock };
}

async function sendAll<T>(queue: WorkQueue<T>, bodies: T[]): Promise<number[]> {
  const ids: number[] = [];
  for (const body of bodies) ids.push(await queue.send(body));
  return ids;
}

/** receive that must find a message: the failure says who asked and when. */
function mustReceive<T>(queue: WorkQueue<T>, consumer: string, context: string): Delivery<T> {
  const delivery = queue.receive(consumer);
  ensure(delivery !== undefined, `${context}: receive(${JSON.stringify(consumer)}) gave nothing`);
  return delivery;
}

/** A promise's state, read after flushPromises(). */
function watch<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/** What a call threw, for failure messages: its code, or "nothing". */
function outcomeOf(act: () => unknown): string {
  try {
    act();
    return "no error (it was accepted)";
  } catch (error) {
    return error instanceof WorkQueueError ? error.code : String(error);
  }
}

describe("competing consumers", () => {
  test("send resolves with ids 1, 2, 3, ...; receive hands messages out in that order, leased for the visibility timeout", async () => {
    const { queue, clock } = setup();
    expect(await sendAll(queue, ["a", "b", "c"])).toEqual([1, 2, 3]);
    clock.now = 50;
    expect(queue.receive("worker-1")).toMatchObject({
      id: 1,
      body: "a",
      attempt: 1,
      consumer: "worker-1",
      leaseEndsAt: 1_050,
    });
    expect(queue.receive("worker-2")).toMatchObject({ id: 2, body: "b", consumer: "worker-2" });
    expect(queue.receive("worker-1")).toMatchObject({ id: 3, body: "c", consumer: "worker-1" });
    expect(queue.receive("worker-2")).toBeUndefined();
  });

  test("a message is in the queue as soon as send returns, before its promise is awaited", () => {
    const { queue } = setup();
    void queue.send("now");
    expect(queue.size).toBe(1);
    expect(queue.receive("worker-1")?.body).toBe("now");
  });

  test("a message in flight is invisible to every other consumer while its lease holds", async () => {
    const { queue, clock } = setup();
    await queue.send("only");
    mustReceive(queue, "worker-1", "one message sent");
    for (const t of [0, 1, TIMEOUT - 1]) {
      clock.now = t;
      const other = queue.receive("worker-2");
      ensure(
        other === undefined,
        `at t=${t}, while worker-1's lease on message 1 holds (until ${TIMEOUT}), worker-2 received message ${other?.id}: ` +
          "a message in flight must not be handed to a second consumer; two consumers at once means the work is done twice",
      );
    }
    expect(queue.ready).toBe(0);
    expect(queue.inFlight).toBe(1);
    expect(queue.size).toBe(1);
  });

  test("each message goes to exactly one consumer: five consumers taking turns get 200 messages, each once, in send order", async () => {
    const { queue } = setup<number>();
    await sendAll(
      queue,
      Array.from({ length: 200 }, (_, i) => i),
    );
    const holder = new Map<number, string>();
    const order: number[] = [];
    for (let turn = 0; ; turn++) {
      const consumer = `worker-${turn % 5}`;
      const delivery = queue.receive(consumer);
      if (delivery === undefined) break;
      const earlier = holder.get(delivery.id);
      ensure(
        earlier === undefined,
        `message ${delivery.id} was handed to ${earlier} and then to ${consumer} at once (no lease had ended, none acked): ` +
          "each message goes to exactly one consumer at a time",
      );
      holder.set(delivery.id, consumer);
      order.push(delivery.id);
      if (turn % 2 === 0) queue.ack(delivery); // some consumers finish at once, others hold on
    }
    expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  test("receive on an empty queue gives undefined, and the queue works after", async () => {
    const { queue } = setup();
    expect(queue.receive("worker-1")).toBeUndefined();
    await queue.send("late");
    expect(queue.receive("worker-1")?.body).toBe("late");
  });
});

describe("acknowledgements and the visibility timeout", () => {
  test("ack deletes the message: it is never delivered again, not even after its lease would have ended", async () => {
    const { queue, clock } = setup();
    await sendAll(queue, ["job"]);
    queue.ack(mustReceive(queue, "worker-1", "one message sent"));
    expect(queue.size).toBe(0);
    clock.now = 5 * TIMEOUT;
    const again = queue.receive("worker-2");
    ensure(
      again === undefined,
      `message ${again?.id} was acked, and delivered again ${5 * TIMEOUT} ms later: an ack deletes the message and ends its lease for good`,
    );
  });

  test("a message not acked by the end of its lease is delivered again at the expiry instant itself, with the next attempt number", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const first = mustReceive(queue, "worker-1", "one message sent");
    expect(first.leaseEndsAt).toBe(TIMEOUT);
    clock.now = TIMEOUT - 1;
    const early = queue.receive("worker-2");
    ensure(
      early === undefined,
      `at t=${TIMEOUT - 1}, 1 ms before the expiry instant (received at 0, visibility timeout ${TIMEOUT}), worker-2 received the message: ` +
        "the lease holds until leaseEndsAt",
    );
    clock.now = TIMEOUT;
    const again = queue.receive("worker-2");
    ensure(
      again !== undefined,
      `at t=${TIMEOUT}, exactly the expiry instant (received at 0 + visibility timeout ${TIMEOUT}), receive gave nothing: ` +
        "a lease holds during [receivedAt, leaseEndsAt), so at leaseEndsAt itself the message is visible again (now >= leaseEndsAt, not >)",
    );
    expect(again).toMatchObject({ id: 1, body: "job", attempt: 2, consumer: "worker-2", leaseEndsAt: 2 * TIMEOUT });
  });

  test("an ack 1 ms before leaseEndsAt is accepted; at the expiry instant itself it is refused with LEASE_EXPIRED, and deletes nothing", async () => {
    const inTime = setup();
    await inTime.queue.send("job");
    const d1 = mustReceive(inTime.queue, "worker-1", "one message sent");
    inTime.clock.now = TIMEOUT - 1;
    inTime.queue.ack(d1);
    expect(inTime.queue.size).toBe(0);

    const late = setup();
    await late.queue.send("job");
    const d2 = mustReceive(late.queue, "worker-1", "one message sent");
    late.clock.now = TIMEOUT;
    const outcome = outcomeOf(() => late.queue.ack(d2));
    ensure(
      outcome === "LEASE_EXPIRED",
      `ack at t=${TIMEOUT}, the expiry instant of a lease taken at 0 with a visibility timeout of ${TIMEOUT}, gave ${outcome}: ` +
        "at that instant the message is already visible to other consumers, so the lease has ended and the ack must be refused (LEASE_EXPIRED)",
    );
    expect(late.queue.size).toBe(1);
    expect(late.queue.receive("worker-2")).toMatchObject({ id: 1, attempt: 2 });
  });

  test("a stale ack, after the message was delivered again to another consumer, is refused and leaves the second consumer's delivery intact", async () => {
    const { queue, clock } = setup();
    await queue.send("charge card 42");
    const first = mustReceive(queue, "worker-1", "one message sent");
    clock.now = TIMEOUT;
    const second = mustReceive(queue, "worker-2", "at the end of worker-1's lease");
    clock.now = TIMEOUT + 10;
    const outcome = outcomeOf(() => queue.ack(first));
    ensure(
      outcome === "LEASE_EXPIRED" && queue.size === 1,
      `worker-1's stale ack (attempt 1, lease ended at ${TIMEOUT}) of message 1, which worker-2 now holds (attempt 2), gave ${outcome}` +
        `${queue.size === 0 ? " and deleted the message under worker-2" : ""}: a stale ack must be refused with LEASE_EXPIRED. ` +
        "Match the delivery (its attempt), not only the message id: only the latest delivery may settle a message",
    );
    queue.ack(second);
    expect(queue.size).toBe(0);
  });

  test("an ack after the lease ended is refused even if no one has received the message again; it stays ready", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const delivery = mustReceive(queue, "worker-1", "one message sent");
    clock.now = TIMEOUT + 500;
    expect(codeOf(WorkQueueError, () => queue.ack(delivery))).toBe("LEASE_EXPIRED");
    expect(queue.ready).toBe(1);
    expect(queue.inFlight).toBe(0);
  });

  test("an ack of a message already acked is refused with ALREADY_ACKED, whether by the same delivery or an older one", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const first = mustReceive(queue, "worker-1", "one message sent");
    clock.now = TIMEOUT;
    const second = mustReceive(queue, "worker-2", "after worker-1's lease ended");
    queue.ack(second);
    expect(codeOf(WorkQueueError, () => queue.ack(second))).toBe("ALREADY_ACKED");
    expect(codeOf(WorkQueueError, () => queue.ack(first))).toBe("ALREADY_ACKED");
  });

  test("nack gives the message back at once: the next receive delivers it again, attempt 2", async () => {
    const { queue, clock } = setup();
    await queue.send("job");
    const first = mustReceive(queue, "worker-1", "one message sent");
    clock.now = 10;
    queue.nack(first);
    expect(queue.ready).toBe(1);
    expect(queue.receive("worker-2")).toMatchObject({
      id: 1,
      body: "job",
      attempt: 2,
      consumer: "worker-2",
      leaseEndsAt: 10 + TIMEOUT,
    });
    expect(codeOf(WorkQueueError, () => queue.nack(first))).toBe("LEASE_EXPIRED");
  });

  test("a message nacked and delivered to another consumer is not handed out again when the first lease's old deadline passes", async () => {
    const { queue, clock } = setup();
    await sendAll(queue, ["long job", "job"]);
    mustReceive(queue, "worker-0", "two messages sent"); // message 1, leased until 1,000
    clock.now = 10;
    const first = mustReceive(queue, "worker-1", "two messages sent"); // message 2, leased until 1,010
    clock.now = 100;
    queue.nack(first);
    clock.now = 200;
    mustReceive(queue, "worker-2", "after worker-1's nack"); // message 2 again, leased until 1,200
    clock.now = 10 + TIMEOUT; // worker-1's lease on message 2 would have ended now; worker-0's lease on message 1 has
    const handedOut: number[] = [];
    for (let d = queue.receive("worker-3"); d !== undefined; d = queue.receive("worker-3")) handedOut.push(d.id);
    ensure(
      !handedOut.includes(2),
      `worker-2 holds message 2 until ${200 + TIMEOUT}, yet at t=${10 + TIMEOUT}, when worker-1's lease (ended early by its nack) ` +
        `would have run out, worker-3 received it too: handed to two consumers at once. A lease that ends (ack or nack) must be ` +
        "cancelled for good, as that delivery's lease, not the message's: its old deadline must not end the next delivery's lease",
    );
    expect(handedOut).toEqual([1]);
    expect(queue.inFlight).toBe(2);
  });
});

describe("order when messages come back", () => {
  test("a message that comes back (nack or lease end) keeps its place: it goes before every message sent after it", async () => {
    for (const how of ["nack", "lease end"] as const) {
      const { queue, clock } = setup<number>();
      await sendAll(queue, [1, 2, 3, 4, 5]);
      const one = mustReceive(queue, "worker-1", "five messages sent");
      mustReceive(queue, "worker-2", "five messages sent");
      if (how === "nack") queue.nack(one);
      else clock.now = TIMEOUT;
      const next = mustReceive(queue, "worker-3", `after message 1 came back by ${how}`);
      ensure(
        next.id === 1,
        `message 1 came back (${how}), but receive gave message ${next.id} first: a message that comes back keeps its place ` +
          "in send order, ahead of every message sent after it; it does not go to the back of the queue",
      );
      expect(mustReceive(queue, "worker-3", "after message 1").id).toBe(how === "nack" ? 3 : 2);
    }
  });

  test("messages that come back are delivered in send order, not in the order they came back", async () => {
    const { queue } = setup<number>();
    await sendAll(queue, [1, 2, 3, 4]);
    const held = [1, 2, 3].map(() => mustReceive(queue, "worker-1", "four messages sent"));
    for (const index of [0, 2, 1]) queue.nack(held[index] as Delivery<number>); // back in the order 1, 3, 2
    const order = [1, 2, 3, 4].map(() => mustReceive(queue, "worker-2", "after the nacks").id);
    ensure(
      order.join(",") === "1,2,3,4",
      `messages 1, 3, 2 were nacked in that order, and receive then gave ${order.join(", ")}: each message that comes back ` +
        "takes its place by id, in send order, not in the order they came back (neither pushed onto the head nor appended at the tail)",
    );
  });

  test("leases that end together return their messages in send order, whatever order they were received in", async () => {
    const { queue, clock } = setup<number>();
    await sendAll(queue, [1, 2, 3]);
    const one = mustReceive(queue, "worker-1", "three messages sent");
    mustReceive(queue, "worker-2", "three messages sent"); // message 2, leased until 1,000
    clock.now = 1;
    queue.nack(one);
    mustReceive(queue, "worker-3", "after the nack of message 1"); // message 1 again, leased until 1,001
    clock.now = TIMEOUT + 1; // both leases have ended: message 2's first
    const order = [1, 2, 3].map(() => mustReceive(queue, "worker-4", `at t=${TIMEOUT + 1}`).id);
    ensure(
      order.join(",") === "1,2,3",
      `message 2's lease ended at ${TIMEOUT} and message 1's at ${TIMEOUT + 1}; at t=${TIMEOUT + 1} receive gave ${order.join(", ")}: ` +
        "messages that come back are delivered in send order (by id), not in the order they came back",
    );
  });
});

describe("the bound and backpressure", () => {
  test('a full queue under whenFull "reject" refuses send with QUEUE_FULL; the message is not queued, and the refusal says what to do', async () => {
    const { queue } = setup({ capacity: 2, whenFull: "reject" });
    await sendAll(queue, ["a", "b"]);
    expect(await codeOfAsync(WorkQueueError, () => queue.send("c"))).toBe("QUEUE_FULL");
    expect(queue.size).toBe(2);
    expect([queue.receive("w")?.body, queue.receive("w")?.body, queue.receive("w")]).toEqual(["a", "b", undefined]);
    const refusal = await queue.send("d").catch((error: unknown) => (error as Error).message);
    expect(refusal).toMatch(/full/i);
    expect(refusal).toMatch(/\b2\b/);
    expect(refusal).toMatch(/retry|later|block|back ?off|shed/i);
  });

  test("in-flight messages count toward the bound: receiving makes no room, only an ack does", async () => {
    const { queue } = setup({ capacity: 2 });
    await sendAll(queue, ["a", "b"]);
    const a = mustReceive(queue, "worker-1", "two messages sent");
    mustReceive(queue, "worker-2", "two messages sent");
    const outcome = await codeOfAsync(WorkQueueError, () => queue.send("c")).catch(() => "accepted");
    ensure(
      outcome === "QUEUE_FULL" && queue.size === 2,
      `with capacity 2, 0 ready and 2 in flight, send gave ${outcome} and size is ${queue.size}: in-flight messages count ` +
        "toward the bound until they are acked (a lease that ends puts its message back, and it must still have its place)",
    );
    queue.ack(a);
    expect(await queue.send("c")).toBe(3);
    expect(queue.size).toBe(2);
  });

  test("a lease that ends frees no place: the message is back, and the queue is still full", async () => {
    const { queue, clock } = setup({ capacity: 1 });
    await queue.send("a");
    mustReceive(queue, "worker-1", "one message sent");
    clock.now = TIMEOUT;
    expect([queue.ready, queue.inFlight, queue.size]).toEqual([1, 0, 1]);
    expect(await codeOfAsync(WorkQueueError, () => queue.send("b"))).toBe("QUEUE_FULL");
  });

  test('under whenFull "block", a send to a full queue waits; an ack lets its message in and resolves it with the id', async () => {
    const { queue } = setup({ capacity: 1, whenFull: "block" });
    await queue.send("a");
    const blocked = watch(queue.send("b"));
    await flushPromises();
    expect(blocked.settled).toBe(false);
    expect(queue.blockedProducers).toBe(1);
    const a = mustReceive(queue, "worker-1", "one message sent");
    await flushPromises();
    expect(blocked.settled).toBe(false); // receiving makes no room
    queue.ack(a);
    expect(queue.size).toBe(1); // b is in during the ack, before any promise callback runs
    await flushPromises();
    ensure(
      blocked.settled && blocked.value === 2,
      `after the ack of the only message of a full queue (capacity 1), the blocked send of "b" is ${blocked.settled ? `settled with ${String(blocked.value ?? blocked.error)}` : "still pending"}: ` +
        "an ack frees one place, and the producer that waited longest takes it during that ack; its promise resolves with the new id (2)",
    );
    expect(queue.blockedProducers).toBe(0);
    expect(queue.receive("worker-1")?.body).toBe("b");
  });

  test("blocked producers are admitted one per ack, in the order they blocked", async () => {
    const { queue } = setup({ capacity: 1, whenFull: "block" });
    await queue.send("m0");
    const admitted: string[] = [];
    const sends = ["b1", "b2", "b3"].map((body) => queue.send(body).then((id) => admitted.push(`${body}=${id}`)));
    const delivered: string[] = [];
    for (let round = 0; round < 4; round++) {
      const delivery = mustReceive(queue, "worker-1", `round ${round}`);
      delivered.push(delivery.body);
      expect(queue.blockedProducers).toBe(Math.max(0, 3 - round));
      queue.ack(delivery);
      await flushPromises();
      expect(admitted).toHaveLength(Math.min(3, round + 1));
    }
    await Promise.all(sends);
    ensure(
      delivered.join(",") === "m0,b1,b2,b3" && admitted.join(",") === "b1=2,b2=3,b3=4",
      `three sends blocked in the order b1, b2, b3; they were admitted as ${admitted.join(", ")} and delivered as ${delivered.join(", ")}: ` +
        "blocked producers must be admitted in the order they blocked (first come, first served), one per ack, or the first to block may wait forever",
    );
  });

  test("a send made right after an ack, while producers are blocked, waits behind them", async () => {
    const { queue } = setup({ capacity: 1, whenFull: "block" });
    await queue.send("first");
    const waiting = watch(queue.send("waiting"));
    queue.ack(mustReceive(queue, "worker-1", "one message sent"));
    const latecomer = watch(queue.send("latecomer")); // in the same turn as the ack
    await flushPromises();
    ensure(
      waiting.settled && !latecomer.settled && queue.receive("worker-1")?.body === "waiting",
      "a producer blocked on a full queue; an ack made room, and a new send came in the same turn: the blocked producer's " +
        "message must take the place during the ack, so the newcomer waits behind it instead of barging in",
    );
    expect(queue.blockedProducers).toBe(1);
  });

  test("a nack or a lease that ends makes no room: blocked producers stay blocked", async () => {
    const { queue, clock } = setup({ capacity: 1, whenFull: "block" });
    await queue.send("a");
    const blocked = watch(queue.send("b"));
    queue.nack(mustReceive(queue, "worker-1", "one message sent"));
    mustReceive(queue, "worker-1", "after the nack");
    clock.now = TIMEOUT;
    expect(queue.ready).toBe(1);
    await flushPromises();
    expect(blocked.settled).toBe(false);
    expect(queue.blockedProducers).toBe(1);
  });

  test("with no capacity given the queue is unbounded, and nothing ever blocks", async () => {
    const queue = new WorkQueue<number>();
    expect(queue.capacity).toBe(Infinity);
    expect(queue.whenFull).toBe("reject");
    expect(queue.visibilityTimeoutMs).toBe(30_000);
    await sendAll(
      queue,
      Array.from({ length: 1_000 }, (_, i) => i),
    );
    expect(queue.size).toBe(1_000);
    expect(queue.blockedProducers).toBe(0);
  });
});

describe("bad input gets a WorkQueueError with a code", () => {
  test.each([0, -1, 2.5, Number.NaN])("capacity %p is refused with INVALID_CAPACITY", (capacity) => {
    expect(codeOf(WorkQueueError, () => new WorkQueue({ capacity }))).toBe("INVALID_CAPACITY");
    expect(messageOf(WorkQueueError, () => new WorkQueue({ capacity }))).toContain(String(capacity));
  });

  test('whenFull other than "reject" or "block" is refused with INVALID_FULL_POLICY, naming both', () => {
    const policy = "drop-head" as "reject";
    expect(codeOf(WorkQueueError, () => new WorkQueue({ whenFull: policy }))).toBe("INVALID_FULL_POLICY");
    const message = messageOf(WorkQueueError, () => new WorkQueue({ whenFull: policy }));
    expect(message).toContain("drop-head");
    expect(message).toMatch(/reject/);
    expect(message).toMatch(/block/);
  });

  test.each([0, -5, Number.NaN, Infinity])(
    "visibilityTimeoutMs %p is refused with INVALID_VISIBILITY_TIMEOUT",
    (visibilityTimeoutMs) => {
      expect(codeOf(WorkQueueError, () => new WorkQueue({ visibilityTimeoutMs }))).toBe("INVALID_VISIBILITY_TIMEOUT");
      expect(messageOf(WorkQueueError, () => new WorkQueue({ visibilityTimeoutMs }))).toContain(
        String(visibilityTimeoutMs),
      );
    },
  );

  test("a consumer id that is not a non-empty string is refused with INVALID_CONSUMER, and nothing is delivered", async () => {
    const { queue } = setup();
    await queue.send("job");
    expect(codeOf(WorkQueueError, () => queue.receive(""))).toBe("INVALID_CONSUMER");
    expect(codeOf(WorkQueueError, () => queue.receive(7 as unknown as string))).toBe("INVALID_CONSUMER");
    expect(queue.ready).toBe(1);
  });

  test("an ack or nack of a delivery this queue never made is refused with UNKNOWN_DELIVERY", async () => {
    const { queue } = setup();
    await queue.send("job");
    const real = mustReceive(queue, "worker-1", "one message sent");
    const forged: Delivery<string> = { ...real, id: 99 };
    expect(codeOf(WorkQueueError, () => queue.ack(forged))).toBe("UNKNOWN_DELIVERY");
    expect(codeOf(WorkQueueError, () => queue.nack({ ...real, attempt: 2 }))).toBe("UNKNOWN_DELIVERY");
    expect(codeOf(WorkQueueError, () => queue.ack(null as unknown as Delivery<string>))).toBe("UNKNOWN_DELIVERY");
    expect(queue.inFlight).toBe(1);
    queue.ack(real);
  });
});
