/**
 * The simulator's faults beyond the network: clocks that are off or drift, process pauses (the
 * garbage-collection pause that breaks naive leases), and nodes of a test's own (adversarial ones)
 * beside the learner's, all replayable from the seed.
 */
import { ManualClock } from "../kata/manual-clock";
import { Simulation, type NodeContext, type SimNode, type TimerHandle } from "../sim/simulation";

interface Msg {
  type: "ping";
  n: number;
}

class Recorder implements SimNode<Msg> {
  readonly seen: { local: number; what: string }[] = [];
  timer: TimerHandle | undefined;
  constructor(readonly ctx: NodeContext<Msg>) {}
  onMessage(from: string, message: Msg): void {
    this.seen.push({ local: this.ctx.now(), what: `${from}:${message.n}` });
  }
}

function sim(options: Partial<ConstructorParameters<typeof Simulation<Msg, Recorder>>[0]> = {}) {
  return new Simulation<Msg, Recorder>({
    seed: 1,
    nodeIds: ["a", "b"],
    network: { minDelayMs: 5, maxDelayMs: 5 },
    createNode: (ctx) => new Recorder(ctx),
    ...options,
  });
}
const node = (s: Simulation<Msg, Recorder>, id: string) => s.node(id) as Recorder;

describe("clocks", () => {
  test("a node's clock can be off and drift; only the node reads it, the simulation keeps true time", () => {
    const s = sim({ clocks: { b: { offsetMs: 500, drift: 0.1 } } });
    s.runFor(1000);
    expect(s.now).toBe(1000);
    expect(node(s, "a").ctx.now()).toBe(1000);
    expect(node(s, "b").ctx.now()).toBeCloseTo(1600); // 500 + 1.1 x 1000
    expect(s.clockOf("b")).toBeCloseTo(1600);
  });

  test("a timer runs on its node's clock: 100 ms on a clock 25% fast fire after 80 true ms", () => {
    const s = sim({ clocks: { b: { drift: 0.25 } } });
    let firedAt = -1;
    node(s, "b").ctx.setTimer(100, () => (firedAt = s.now));
    s.runFor(200);
    expect(firedAt).toBe(80);
  });

  test("a jump moves the reading, not pending timers; a drift of -1 or less is refused", () => {
    const s = sim();
    let firedAt = -1;
    node(s, "a").ctx.setTimer(100, () => (firedAt = s.now));
    s.runFor(10);
    s.setClock("a", { offsetMs: -5_000 });
    expect(node(s, "a").ctx.now()).toBe(-4_990);
    s.runFor(200);
    expect(firedAt).toBe(100);
    expect(() => s.setClock("a", { drift: -1 })).toThrow(
      /a clock's drift must be above -1 \(0\.01 runs 1% fast\), got -1/,
    );
  });
});

describe("pauses", () => {
  test("a paused node handles nothing: messages wait in order and timers fire late, when it resumes", () => {
    const s = sim();
    const b = node(s, "b");
    let timerAt = -1;
    b.ctx.setTimer(150, () => (timerAt = s.now));
    s.runFor(100);
    s.pause("b", 300);
    expect(s.isPaused("b")).toBe(true);
    node(s, "a").ctx.send("b", { type: "ping", n: 1 });
    node(s, "a").ctx.send("b", { type: "ping", n: 2 });
    s.runFor(299);
    expect(b.seen).toEqual([]);
    expect(timerAt).toBe(-1);
    s.runFor(1);
    expect(b.seen.map((e) => e.what)).toEqual(["a:1", "a:2"]);
    expect(timerAt).toBe(400);
    expect(s.timeline.render()).toMatch(/paused until 400\.0 ms[^]*resumed/);
  });

  test("a timer cleared during the pause never fires; a crash ends the pause; a crashed node cannot pause", () => {
    const s = sim();
    const b = node(s, "b");
    let fired = false;
    const handle = b.ctx.setTimer(50, () => (fired = true));
    s.pause("b", 100);
    s.runFor(60);
    b.ctx.clearTimer(handle);
    s.runFor(100);
    expect(fired).toBe(false);
    s.pause("b", 1000);
    s.crash("b");
    s.restart("b");
    expect(s.isPaused("b")).toBe(false);
    s.crash("b");
    expect(() => s.pause("b", 10)).toThrow(/b is crashed; a pause needs a running node/);
  });

  test("an outside call to a paused node waits for it; to a crashed one it never runs", () => {
    const s = sim();
    const calls: number[] = [];
    s.pause("b", 100);
    s.onNode("b", () => calls.push(s.now));
    s.onNode("a", () => calls.push(s.now));
    s.runFor(150);
    expect(calls).toEqual([0, 100]);
    s.pause("a", 50);
    s.onNode("a", () => calls.push(-1));
    s.crash("a");
    s.runFor(100);
    expect(calls).toEqual([0, 100]);
  });
});

test("a test's own node (a liar) runs beside the learner's, and the run is still a function of the seed", () => {
  class Liar implements SimNode<Msg> {
    constructor(private readonly ctx: NodeContext<Msg>) {
      for (const peer of ctx.peers) ctx.send(peer, { type: "ping", n: -1 }); // says something false to everyone
    }
    onMessage(from: string): void {
      this.ctx.send(from, { type: "ping", n: -2 });
    }
  }
  const run = () => {
    const s = new Simulation<Msg, Recorder | Liar>({
      seed: 42,
      nodeIds: ["a", "b", "liar"],
      network: { minDelayMs: 1, maxDelayMs: 30, dropRate: 0.2, duplicateRate: 0.2 },
      createNode: (ctx) => (ctx.id === "liar" ? new Liar(ctx) : new Recorder(ctx)),
    });
    for (let n = 0; n < 20; n++) (s.node("a") as Recorder).ctx.send(n % 2 ? "b" : "liar", { type: "ping", n });
    s.runFor(500);
    return { stats: { ...s.stats }, seen: (s.node("b") as Recorder).seen.map((e) => e.what) };
  };
  const first = run();
  expect(first.seen).toContain("liar:-1");
  expect(run()).toEqual(first);
});

describe("ManualClock (#kata/testing)", () => {
  test("advance fires due timers in time order, each at its own time, and a cancelled one never", () => {
    const clock = new ManualClock(1_000);
    const fired: string[] = [];
    clock.setTimer(30, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(10, () => {
      fired.push(`a@${clock.now()}`);
      clock.setTimer(5, () => fired.push(`c@${clock.now()}`)); // set while firing: due inside this advance
    });
    const cancelled = clock.setTimer(20, () => fired.push("never"));
    cancelled.cancel();
    expect(clock.pending).toBe(2);
    clock.advance(25);
    expect(fired).toEqual(["a@1010", "c@1015"]);
    expect(clock.now()).toBe(1_025);
    clock.advance(5);
    expect(fired).toEqual(["a@1010", "c@1015", "b@1030"]);
    expect(clock.pending).toBe(0);
    expect(() => clock.advance(-1)).toThrow(/advance needs a finite number of ms >= 0, got -1/);
  });
});
