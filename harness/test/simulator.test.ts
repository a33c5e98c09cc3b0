/** The simulated network: determinism, faults, crashes, and failures a learner can replay. */
import { EventQueue } from "../sim/event-queue";
import { NetworkConfigError } from "../sim/network";
import { Prng } from "../sim/prng";
import { forEachSeed } from "../sim/seeds";
import { Simulation, SimulationError, type NodeContext, type SimNode } from "../sim/simulation";

interface Ping {
  type: "ping" | "pong";
  n: number;
}

/** Each node pings a random peer every 10-30 ms and answers pings with pongs. */
class Chatter implements SimNode<Ping> {
  received: string[] = [];

  constructor(private readonly ctx: NodeContext<Ping>) {
    this.schedule();
  }

  onMessage(from: string, message: Ping): void {
    this.received.push(`${from}:${message.type}${message.n}`);
    if (message.type === "ping") this.ctx.send(from, { type: "pong", n: message.n });
  }

  private schedule(): void {
    this.ctx.setTimer(10 + 20 * this.ctx.random(), () => {
      const peer = this.ctx.peers[Math.floor(this.ctx.random() * this.ctx.peers.length)] as string;
      this.ctx.send(peer, { type: "ping", n: Math.floor(this.ctx.now()) });
      this.schedule();
    });
  }
}

function chatter(seed: number, network = {}): Simulation<Ping, Chatter> {
  return new Simulation<Ping, Chatter>({ seed, nodeIds: ["a", "b", "c"], createNode: (ctx) => new Chatter(ctx), network });
}

describe("determinism", () => {
  test("the same seed gives the same timeline, event for event", () => {
    const run = (seed: number): string => {
      const sim = chatter(seed, { dropRate: 0.1, duplicateRate: 0.1, maxDelayMs: 50 });
      sim.runFor(2_000);
      return sim.timeline.render(10_000, { timers: true });
    };
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });

  test("node code may not read Math.random or Date.now", () => {
    const sim = new Simulation<Ping, SimNode<Ping>>({
      seed: 1,
      nodeIds: ["a"],
      createNode: (ctx) => {
        ctx.setTimer(5, () => Math.random());
        return { onMessage: () => undefined };
      },
    });
    expect(() => sim.runFor(10)).toThrow(/use ctx\.random\(\)/);
    expect(typeof Math.random()).toBe("number"); // restored outside node code
  });

  test("Prng streams are repeatable and forks are independent of each other", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(new Prng(42).fork("n1").next()).not.toBe(new Prng(42).fork("n2").next());
    const values = Array.from({ length: 10_000 }, () => a.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe("the event queue", () => {
  test("orders by time, then by scheduling order", () => {
    const queue = new EventQueue();
    const order: string[] = [];
    queue.push(5, () => order.push("b"));
    queue.push(1, () => order.push("a"));
    queue.push(5, () => order.push("c"));
    for (let e = queue.pop(); e; e = queue.pop()) e.run();
    expect(order).toEqual(["a", "b", "c"]);
  });

  test("peeking past a cancelled event keeps the next live one (regression: it was lost)", () => {
    const queue = new EventQueue();
    const cancelled = queue.push(1, () => undefined);
    queue.push(2, () => undefined);
    cancelled.cancelled = true;
    expect(queue.peekTime()).toBe(2);
    expect(queue.pop()?.at).toBe(2);
    expect(queue.pop()).toBeUndefined();
  });
});

describe("faults", () => {
  test("drop and duplicate rates are honoured roughly, and counted", () => {
    const sim = chatter(3, { dropRate: 0.2, duplicateRate: 0.1 });
    sim.runFor(20_000);
    const { sent, dropped, duplicated } = sim.stats;
    expect(dropped / sent).toBeGreaterThan(0.15);
    expect(dropped / sent).toBeLessThan(0.25);
    expect(duplicated / sent).toBeGreaterThan(0.06);
    expect(duplicated / sent).toBeLessThan(0.14);
    expect(sim.stats.sentByType.ping).toBeGreaterThan(0);
  });

  test("a two-way partition stops traffic between the groups until heal", () => {
    const sim = chatter(4);
    sim.partition(["a"], ["b", "c"]);
    sim.runFor(1_000);
    expect(sim.node("a")?.received).toEqual([]);
    expect(sim.node("b")?.received.some((r) => r.startsWith("c:"))).toBe(true);
    sim.heal();
    sim.runFor(1_000);
    expect(sim.node("a")?.received.length).toBeGreaterThan(0);
  });

  test("a one-way block stops one direction only", () => {
    const sim = chatter(5);
    sim.block("a", "b");
    sim.runFor(2_000);
    expect(sim.node("b")?.received.some((r) => r.startsWith("a:"))).toBe(false);
    expect(sim.node("a")?.received.some((r) => r.startsWith("b:ping"))).toBe(true);
  });

  test("invalid fault settings are refused with the range they need", () => {
    expect(() => chatter(1, { dropRate: 1.5 })).toThrow(NetworkConfigError);
    expect(() => chatter(1, { minDelayMs: 10, maxDelayMs: 5 })).toThrow(/minDelayMs <= maxDelayMs/);
  });
});

describe("crashes", () => {
  test("a crashed node gets no messages and its timers die; stable storage survives a restart", () => {
    const sim = new Simulation<Ping, Chatter & { boots: number }>({
      seed: 9,
      nodeIds: ["a", "b"],
      createNode: (ctx) => {
        const boots = (ctx.storage.get<number>("boots") ?? 0) + 1;
        ctx.storage.set("boots", boots);
        return Object.assign(new Chatter(ctx), { boots });
      },
    });
    sim.runFor(500);
    sim.crash("b");
    expect(sim.node("b")).toBeUndefined();
    const sentBefore = sim.stats.sent;
    sim.runFor(500);
    expect(sim.timeline.all().some((e) => e.kind === "drop" && e.text.includes("node down"))).toBe(true);
    // Only a's pings: b's timers died with it.
    expect(sim.timeline.all().filter((e) => e.kind === "send" && e.node === "b" && e.at > 500).length).toBe(0);
    expect(sim.stats.sent).toBeGreaterThan(sentBefore);
    sim.restart("b");
    expect(sim.node("b")?.boots).toBe(2);
    expect(() => sim.crash("zz")).toThrow(SimulationError);
  });

  test("an invariant is checked after every event, and its break stops the run with the time", () => {
    const sim = chatter(2);
    sim.addInvariant("fewer than 5 messages", () => (sim.stats.sent >= 5 ? `${sim.stats.sent} sent` : undefined));
    expect(() => sim.runFor(10_000)).toThrow(/fewer than 5 messages broke at [\d.]+ ms: 5 sent/);
  });
});

describe("forEachSeed", () => {
  test("a failure names the seed, the replay command and the run's last events", () => {
    let message = "";
    try {
      forEachSeed(5, (seed) => {
        const sim = chatter(seed);
        sim.runFor(100);
        if (seed === 3) throw new Error("the third run fails");
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^with seed 3: the third run fails/);
    expect(message).toMatch(/Replay exactly this run: KATA_SEED=3 npm test -- test/);
    expect(message).toMatch(/ms {2}[abc] +(send|deliver)/);
  });

  test("KATA_SEED runs only that seed", () => {
    const seen: number[] = [];
    process.env.KATA_SEED = "11";
    try {
      forEachSeed(50, (seed) => void seen.push(seed));
    } finally {
      delete process.env.KATA_SEED;
    }
    expect(seen).toEqual([11]);
  });
});
