/** The simulated network: determinism, faults, crashes, and failures a learner can replay. */
import { EventQueue } from "../sim/event-queue";
import { NetworkConfigError } from "../sim/network";
import { Prng } from "../sim/prng";
import { forEachSeed, replayCommand, seedsToRun } from "../sim/seeds";
import { Timeline } from "../sim/timeline";
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
  return new Simulation<Ping, Chatter>({
    seed,
    nodeIds: ["a", "b", "c"],
    createNode: (ctx) => new Chatter(ctx),
    network,
  });
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

  test.each([
    ["Math.random()", () => Math.random(), /use ctx\.random\(\)/],
    ["Date.now()", () => Date.now(), /use ctx\.now\(\)/],
    ["new Date()", () => new Date(), /use new Date\(ctx\.now\(\)\)/],
    ["performance.now()", () => performance.now(), /use ctx\.now\(\)/],
    ["setTimeout()", () => setTimeout(() => undefined, 1), /use ctx\.setTimer\(\)/],
    ["setInterval()", () => setInterval(() => undefined, 1), /use ctx\.setTimer\(\) again/],
  ])("node code may not call %s, and gets it back outside node code", (_what, call: () => unknown, lesson) => {
    const sim = new Simulation<Ping, SimNode<Ping>>({
      seed: 1,
      nodeIds: ["a"],
      createNode: (ctx) => {
        ctx.setTimer(5, () => void call());
        return { onMessage: () => undefined };
      },
    });
    expect(() => sim.runFor(10)).toThrow(lesson);
    expect(typeof Math.random()).toBe("number");
    expect(new Date(0).getTime()).toBe(0);
    expect(typeof performance.now()).toBe("number");
    clearTimeout(setTimeout(() => undefined, 1));
  });

  test("a given time still converts: new Date(ctx.now()) is allowed", () => {
    let iso = "";
    const sim = new Simulation<Ping, SimNode<Ping>>({
      seed: 1,
      nodeIds: ["a"],
      createNode: (ctx) => {
        ctx.setTimer(5, () => void (iso = new Date(ctx.now()).toISOString()));
        return { onMessage: () => undefined };
      },
    });
    sim.runFor(10);
    expect(iso).toBe("1970-01-01T00:00:00.005Z");
  });

  test("a message is copied when sent: the sender's later changes never reach the wire", () => {
    const got: number[] = [];
    const sim = new Simulation<Ping, SimNode<Ping>>({
      seed: 1,
      nodeIds: ["a", "b"],
      createNode: (ctx) => {
        if (ctx.id === "a") {
          const message: Ping = { type: "ping", n: 1 };
          ctx.setTimer(1, () => {
            ctx.send("b", message);
            message.n = 99;
          });
        }
        return { onMessage: (_from, m) => void got.push(m.n) };
      },
    });
    sim.runFor(100);
    expect(got).toEqual([1]);
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
  test("a failure names the seed, the replay command for this very test, and the run's last events", () => {
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
    expect(message).toMatch(
      /Replay exactly this run: KATA_REPLAY=3 npx kata test test --only "forEachSeed a failure names the seed/,
    );
    expect(message).toMatch(/ms {2}[abc] +(send|deliver)/);
  });

  test("KATA_REPLAY runs only that seed; KATA_SEED (the data seed) does not narrow the seeds", () => {
    const seen: number[] = [];
    process.env.KATA_REPLAY = "11";
    try {
      forEachSeed(50, (seed) => void seen.push(seed));
    } finally {
      delete process.env.KATA_REPLAY;
    }
    expect(seen).toEqual([11]);
    process.env.KATA_SEED = "11";
    try {
      expect(seedsToRun(3)).toEqual([1, 2, 3]);
    } finally {
      delete process.env.KATA_SEED;
    }
  });

  test("the replay command keeps the target and the hidden suite that failed", () => {
    process.env.KATA_TARGET = "naive";
    try {
      expect(replayCommand(4)).toMatch(/^KATA_REPLAY=4 npx kata test test --target naive --only "/);
    } finally {
      delete process.env.KATA_TARGET;
    }
  });

  test("with two simulations, a failure shows the one whose invariant broke", () => {
    let message = "";
    try {
      forEachSeed(1, (seed) => {
        chatter(seed).runFor(50);
        const second = chatter(seed + 100);
        second.addInvariant("no pong", () => (second.stats.sentByType.pong ? "a pong was sent" : undefined));
        second.runFor(1_000);
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/no pong broke at/);
    expect(message).not.toMatch(/simulation 1 of 2/);
    expect(message).toMatch(/violation +no pong/);
  });

  test("with two simulations and a failing assertion, a failure shows both, labelled", () => {
    let message = "";
    try {
      forEachSeed(1, (seed) => {
        chatter(seed).runFor(50);
        chatter(seed + 1).runFor(50);
        throw new Error("an assertion after both runs");
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/simulation 1 of 2/);
    expect(message).toMatch(/simulation 2 of 2/);
  });
});

describe("Timeline", () => {
  test("keeps the last entries in order, in constant time per entry, past its capacity", () => {
    const timeline = new Timeline(3);
    for (let i = 0; i < 5; i++) timeline.add({ at: i, kind: "note", text: `n${i}` });
    expect(timeline.all().map((e) => e.text)).toEqual(["n2", "n3", "n4"]);
    expect(timeline.size).toBe(3);
  });

  test("builds an entry's text only when the timeline is read", () => {
    const timeline = new Timeline();
    let built = 0;
    timeline.add({ at: 0, kind: "send", text: () => `built ${++built}` });
    expect(built).toBe(0);
    expect(timeline.render()).toMatch(/built 1/);
  });
});
