import { codeOf, ensure, messageOf } from "#kata/testing";
import { ManualContext, forEachSeed } from "#kata/sim";
import * as api from "./src/failure-detector";
import { DetectorError } from "./src/errors";
import {
  FixedTimeoutDetector,
  HeartbeatNode,
  PhiAccrualDetector,
  type FailureDetector,
  type Heartbeat,
  type SuspicionChange,
} from "./src/failure-detector";
import { detectionTimes, detectorCluster, falseSuspicions, mean } from "./detector-cluster";

/**
 * The estimate as the README defines it, written plainly from the list of intervals: what every
 * phi must agree with.
 */
function definedPhi(
  intervals: number[],
  elapsed: number,
  { minStdDevMs = 100, acceptablePauseMs = 0 }: { minStdDevMs?: number; acceptablePauseMs?: number } = {},
): number {
  const m0 = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  const variance = intervals.reduce((a, b) => a + (b - m0) ** 2, 0) / intervals.length;
  const m = m0 + acceptablePauseMs;
  const s = Math.max(Math.sqrt(variance), minStdDevMs);
  const y = (elapsed - m) / s;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  return elapsed > m ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
}

describe("FixedTimeoutDetector", () => {
  it("suspects a node exactly timeoutMs after its last heartbeat, not a millisecond before", () => {
    const detector = new FixedTimeoutDetector({ timeoutMs: 500 });
    expect(detector.isSuspected(10_000)).toBe(false); // never heard from: nothing to judge by
    detector.heartbeat(1_000);
    ensure(!detector.isSuspected(1_499), "suspected at 499 ms of silence with a 500 ms timeout");
    ensure(
      detector.isSuspected(1_500),
      "not suspected at exactly 500 ms of silence: the node is suspected once now - lastHeartbeat >= timeoutMs",
    );
    detector.heartbeat(1_600);
    expect(detector.isSuspected(2_099)).toBe(false);
  });

  it("refuses a time before the last heartbeat, a time that is not a number, a timeout <= 0", () => {
    const detector = new FixedTimeoutDetector({ timeoutMs: 500 });
    detector.heartbeat(1_000);
    expect(codeOf(DetectorError, () => detector.heartbeat(999))).toBe("TIME_WENT_BACKWARDS");
    expect(messageOf(DetectorError, () => detector.isSuspected(10))).toMatch(/monotonic/);
    expect(codeOf(DetectorError, () => detector.heartbeat(Number.NaN))).toBe("INVALID_TIME");
    expect(codeOf(DetectorError, () => new FixedTimeoutDetector({ timeoutMs: 0 }))).toBe("INVALID_OPTION");
    expect(detector.isSuspected(1_499)).toBe(false); // a refused call changed nothing
  });
});

describe("PhiAccrualDetector: the estimate", () => {
  it("phi is 0 before the first heartbeat, and never a suspicion", () => {
    const detector = new PhiAccrualDetector();
    expect(detector.phi(50_000)).toBe(0);
    expect(detector.isSuspected(50_000)).toBe(false);
  });

  it("after the first heartbeat it works from the made-up sample: mean firstHeartbeatEstimateMs, spread a quarter of it", () => {
    const detector = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 1_000, minStdDevMs: 1 });
    detector.heartbeat(5_000);
    const atMean = detector.phi(6_000);
    ensure(
      Math.abs(atMean - Math.log10(2)) < 1e-12,
      `phi one estimated interval after the first heartbeat is ${atMean}; with the made-up intervals 750 and 1,250 the mean is 1,000, where phi is -log10(1/2) = 0.30103`,
    );
    expect(detector.phi(6_500)).toBeCloseTo(definedPhi([750, 1_250], 1_500, { minStdDevMs: 1 }), 10);
  });

  it("agrees with the definition on an irregular sender, at every moment of a silence", () => {
    const arrivals = [0, 95, 210, 290, 420, 505, 600, 730, 810, 905];
    const detector = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 20, threshold: 100 });
    for (const t of arrivals) detector.heartbeat(t);
    const intervals = [75, 125, ...arrivals.slice(1).map((t, i) => t - (arrivals[i] as number))];
    for (const elapsed of [0, 50, 100, 150, 200, 300, 450]) {
      const got = detector.phi(905 + elapsed);
      const want = definedPhi(intervals, elapsed, { minStdDevMs: 20 });
      ensure(
        Math.abs(got - want) < 1e-9,
        `phi ${elapsed} ms after the last heartbeat is ${got}, the definition gives ${want}: mean and standard deviation of every interval (the two made-up ones included), population standard deviation (divide by n), at least minStdDevMs`,
      );
    }
  });

  it("keeps only the latest maxSamples intervals", () => {
    const detector = new PhiAccrualDetector({
      maxSamples: 10,
      minStdDevMs: 1_000,
      firstHeartbeatEstimateMs: 100,
      threshold: 1e9,
    });
    let t = 0;
    detector.heartbeat(t);
    for (let i = 0; i < 50; i++) detector.heartbeat((t += 100));
    for (let i = 0; i < 10; i++) detector.heartbeat((t += 500));
    const got = detector.phi(t + 500);
    ensure(
      Math.abs(got - Math.log10(2)) < 1e-9,
      `after 10 intervals of 500 ms with maxSamples 10, a 500 ms silence has phi ${got}; only the latest 10 intervals count (mean 500, where phi is 0.30103)`,
    );
  });

  it("minStdDevMs keeps a very regular sender from making phi explode; acceptablePauseMs moves the mean", () => {
    const regular = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 50, threshold: 1e9 });
    const lenient = new PhiAccrualDetector({
      firstHeartbeatEstimateMs: 100,
      minStdDevMs: 50,
      acceptablePauseMs: 200,
      threshold: 1e9,
    });
    for (let t = 0; t <= 10_000; t += 100) {
      regular.heartbeat(t);
      lenient.heartbeat(t);
    }
    const intervals = [75, 125, ...Array.from({ length: 100 }, () => 100)];
    expect(regular.phi(10_250)).toBeCloseTo(definedPhi(intervals, 250, { minStdDevMs: 50 }), 9);
    expect(lenient.phi(10_250)).toBeCloseTo(definedPhi(intervals, 250, { minStdDevMs: 50, acceptablePauseMs: 200 }), 9);
    expect(lenient.phi(10_250)).toBeLessThan(regular.phi(10_250));
  });

  it("the heartbeat that ends an outage is not a sample: the detector stays as sharp as before", () => {
    const detector = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 20, threshold: 8 });
    let t = 0;
    for (let i = 0; i <= 30; i++) detector.heartbeat((t = i * 100));
    t += 10_000; // a 10 s outage: suspected long before it ends
    expect(detector.isSuspected(t - 1)).toBe(true);
    detector.heartbeat(t);
    for (let i = 1; i <= 5; i++) detector.heartbeat((t += 100));
    ensure(
      detector.isSuspected(t + 700),
      `after the outage, 700 ms of silence is not suspected (phi ${detector.phi(t + 700).toFixed(2)}): the 10 s interval that ended the outage went into the sample, and now every silence looks normal`,
    );
  });

  it("suspects exactly when phi reaches the threshold, and phi only grows while the silence lasts", () => {
    const probe = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 10, threshold: 1e9 });
    for (let t = 0; t <= 1_000; t += 100) probe.heartbeat(t);
    const threshold = probe.phi(1_180);
    const detector = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 10, threshold });
    for (let t = 0; t <= 1_000; t += 100) detector.heartbeat(t);
    expect(detector.isSuspected(1_179)).toBe(false);
    expect(detector.isSuspected(1_180)).toBe(true);
    let previous = -1;
    for (let elapsed = 0; elapsed <= 400; elapsed += 5) {
      const phi = detector.phi(1_000 + elapsed);
      ensure(phi >= previous, `phi fell from ${previous} to ${phi} as the silence grew to ${elapsed} ms`);
      previous = phi;
    }
  });

  it.each([
    ["threshold", { threshold: 0 }],
    ["maxSamples", { maxSamples: 0 }],
    ["maxSamples", { maxSamples: 2.5 }],
    ["minStdDevMs", { minStdDevMs: -1 }],
    ["acceptablePauseMs", { acceptablePauseMs: -1 }],
    ["firstHeartbeatEstimateMs", { firstHeartbeatEstimateMs: Number.POSITIVE_INFINITY }],
  ])("INVALID_OPTION naming %s", (name, options) => {
    expect(codeOf(DetectorError, () => new PhiAccrualDetector(options))).toBe("INVALID_OPTION");
    expect(messageOf(DetectorError, () => new PhiAccrualDetector(options))).toContain(name);
  });
});

/** A detector that records what it is told and answers what the test says. */
class SpyDetector implements FailureDetector {
  readonly heartbeats: number[] = [];
  suspect = false;
  heartbeat(now: number): void {
    this.heartbeats.push(now);
  }
  isSuspected(): boolean {
    return this.suspect;
  }
}

/** Moves a ManualContext's clock by `ms`, firing every timer that comes due on the way, in order. */
function advanceBy(ctx: ManualContext<Heartbeat>, ms: number): void {
  const until = ctx.now() + ms;
  for (;;) {
    const next = Math.min(...[...ctx.timers.values()].map((timer) => timer.setAt + timer.delayMs));
    if (!(next <= until)) break;
    ctx.advance(next - ctx.now());
    ctx.fireNextTimer();
  }
  ctx.advance(until - ctx.now());
}

describe("HeartbeatNode", () => {
  function nodeWithSpies(): {
    ctx: ManualContext<Heartbeat>;
    spies: Map<string, SpyDetector>;
    changes: SuspicionChange[];
    node: HeartbeatNode;
  } {
    const ctx = new ManualContext<Heartbeat>("a", ["b", "c"]);
    const spies = new Map<string, SpyDetector>();
    const changes: SuspicionChange[] = [];
    const node = new HeartbeatNode(ctx, {
      intervalMs: 100,
      checkEveryMs: 10,
      detectorFor: (peer) => {
        const spy = new SpyDetector();
        spies.set(peer, spy);
        return spy;
      },
      onChange: (change) => changes.push(change),
    });
    return { ctx, spies, changes, node };
  }

  it("sends heartbeat 1 to every peer at once, then the next every intervalMs", () => {
    const { ctx } = nodeWithSpies();
    expect(ctx.sent).toEqual([
      { to: "b", message: { type: "heartbeat", incarnation: 1, seq: 1 } },
      { to: "c", message: { type: "heartbeat", incarnation: 1, seq: 1 } },
    ]);
    advanceBy(ctx, 100);
    expect(ctx.sent.slice(2).map((s) => `${s.to}#${s.message.seq}`)).toEqual(["b#2", "c#2"]);
  });

  it("gives a peer's detector each new heartbeat once: duplicates and heartbeats overtaken by later ones say nothing", () => {
    const { ctx, node, spies } = nodeWithSpies();
    ctx.advance(5);
    node.onMessage("b", { type: "heartbeat", incarnation: 1, seq: 1 });
    ctx.advance(5);
    node.onMessage("b", { type: "heartbeat", incarnation: 1, seq: 1 }); // the network's duplicate
    node.onMessage("b", { type: "heartbeat", incarnation: 1, seq: 3 });
    ctx.advance(5);
    node.onMessage("b", { type: "heartbeat", incarnation: 1, seq: 2 }); // sent before 3, arrived after it
    node.onMessage("c", { type: "hello" } as unknown as Heartbeat);
    node.onMessage("z", { type: "heartbeat", incarnation: 1, seq: 9 });
    ctx.advance(5);
    node.onMessage("b", { type: "heartbeat", incarnation: 2, seq: 1 }); // b restarted: a new incarnation
    node.onMessage("b", { type: "heartbeat", incarnation: 1, seq: 4 }); // sent before the restart
    const seen = spies.get("b")?.heartbeats ?? [];
    ensure(
      seen.join() === "5,10,20",
      `b's detector was told of heartbeats at [${seen.join(", ")}]; only seq 1 (at 5), seq 3 (at 10) and the restarted b's first heartbeat (incarnation 2, at 20) are new: a duplicate or a late heartbeat must be dropped by (incarnation, seq), or the detector learns intervals of 0 ms`,
    );
    expect(spies.get("c")?.heartbeats).toEqual([]);
  });

  it("asks every checkEveryMs and reports each change of mind once, in order", () => {
    const { ctx, spies, changes, node } = nodeWithSpies();
    (spies.get("c") as SpyDetector).suspect = true;
    advanceBy(ctx, 10);
    advanceBy(ctx, 10);
    expect(changes).toEqual([{ peer: "c", suspected: true, at: 10 }]);
    expect(node.suspects()).toEqual(["c"]);
    (spies.get("b") as SpyDetector).suspect = true;
    (spies.get("c") as SpyDetector).suspect = false;
    advanceBy(ctx, 10);
    expect(changes.slice(1)).toEqual([
      { peer: "b", suspected: true, at: 30 },
      { peer: "c", suspected: false, at: 30 },
    ]);
    expect(node.suspects()).toEqual(["b"]);
  });
});

describe("on the simulated network", () => {
  const CALM = { minDelayMs: 1, maxDelayMs: 10 };
  const JITTERY = { minDelayMs: 1, maxDelayMs: 250, dropRate: 0.01 };

  it("phi with its defaults notices a crash within a second and never suspects a live node", () => {
    forEachSeed(4, (seed) => {
      const cluster = detectorCluster(api, { seed, network: CALM, detectorFor: () => new PhiAccrualDetector() });
      cluster.sim.runFor(20_000);
      cluster.sim.crash("e");
      cluster.sim.runFor(3_000);
      const times = detectionTimes(cluster, "e", 20_000);
      ensure(
        times.every((t) => t <= 1_000),
        `seed ${seed}: the crash of e was noticed after [${times.join(", ")}] ms by the four others; phi with threshold 8 and minStdDevMs 100 on a 100 ms heartbeat takes well under a second`,
      );
      const wrong = falseSuspicions(cluster, 20_000);
      ensure(
        wrong === 0,
        `seed ${seed}: ${wrong} suspicion(s) of a live node in a calm network: is minStdDevMs applied?`,
      );
    });
  });

  it("a fixed timeout notices a crash within timeout + interval + delay + check", () => {
    const cluster = detectorCluster(api, {
      seed: 3,
      network: CALM,
      detectorFor: () => new FixedTimeoutDetector({ timeoutMs: 500 }),
    });
    cluster.sim.runFor(10_000);
    cluster.sim.crash("e");
    cluster.sim.runFor(2_000);
    const times = detectionTimes(cluster, "e", 10_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(500 + 10 + 10);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(500 - 100);
    expect(falseSuspicions(cluster, 10_000)).toBe(0);
  });

  it("at equal detection time, phi keeps quiet under jitter where a fixed timeout cries wolf", () => {
    const phi = (): FailureDetector => new PhiAccrualDetector({ threshold: 8, minStdDevMs: 10, maxSamples: 200 });
    const run = (detectorFor: () => FailureDetector, network: object, crash: boolean) => {
      const cluster = detectorCluster(api, { seed: 7, network, detectorFor });
      cluster.sim.runFor(30_000);
      if (!crash) return { detection: Number.NaN, wrong: falseSuspicions(cluster) };
      cluster.sim.crash("e");
      cluster.sim.runFor(5_000);
      return { detection: mean(detectionTimes(cluster, "e", 30_000)), wrong: falseSuspicions(cluster, 30_000) };
    };
    const phiCalm = run(phi, CALM, true);
    const timeoutMs = Math.round(phiCalm.detection) - 10; // a fixed timeout as quick as phi in calm weather
    const fixed = (): FailureDetector => new FixedTimeoutDetector({ timeoutMs });
    const fixedCalm = run(fixed, CALM, true);
    expect(Math.abs(fixedCalm.detection - phiCalm.detection)).toBeLessThanOrEqual(20);
    const phiJittery = run(phi, JITTERY, false);
    const fixedJittery = run(fixed, JITTERY, false);
    ensure(
      phiJittery.wrong === 0 && fixedJittery.wrong > 100,
      `in a calm network phi noticed a crash in ${phiCalm.detection} ms and a ${timeoutMs} ms timeout in ${fixedCalm.detection} ms; in a jittery one (delays up to 250 ms) over 30 s, phi suspected live nodes ${phiJittery.wrong} times and the timeout ${fixedJittery.wrong} times. Phi learns the spread of the intervals; a timeout cannot`,
    );
  });
});
