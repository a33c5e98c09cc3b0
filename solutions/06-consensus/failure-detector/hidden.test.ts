import { codeOf, ensure, messageOf } from "#kata/testing";
import { ManualContext, forEachSeed } from "#kata/sim";
import * as api from "./src/failure-detector";
import { DetectorError } from "./src/errors";
import {
  FixedTimeoutDetector,
  HeartbeatNode,
  PHI_DEFAULTS,
  PhiAccrualDetector,
  type FailureDetector,
  type Heartbeat,
  type SuspicionChange,
} from "./src/failure-detector";
import { detectionTimes, detectorCluster, falseSuspicions } from "./detector-cluster";

function definedPhi(intervals: number[], elapsed: number, minStdDevMs: number, acceptablePauseMs = 0): number {
  const m0 = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  const variance = intervals.reduce((a, b) => a + (b - m0) ** 2, 0) / intervals.length;
  const m = m0 + acceptablePauseMs;
  const s = Math.max(Math.sqrt(variance), minStdDevMs);
  const y = (elapsed - m) / s;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  return elapsed > m ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
}

describe("the estimate, more edges", () => {
  it("the made-up intervals leave the window first", () => {
    const detector = new PhiAccrualDetector({
      maxSamples: 2,
      minStdDevMs: 1,
      firstHeartbeatEstimateMs: 1_000,
      threshold: 1e9,
    });
    detector.heartbeat(0);
    detector.heartbeat(100); // the window: 1,250 and 100
    expect(detector.phi(400)).toBeCloseTo(definedPhi([1_250, 100], 300, 1), 9);
    detector.heartbeat(300); // the window: 100 and 200
    expect(detector.phi(450)).toBeCloseTo(definedPhi([100, 200], 150, 1), 9);
  });

  it("one sample: maxSamples 1 keeps the latest interval alone", () => {
    const detector = new PhiAccrualDetector({
      maxSamples: 1,
      minStdDevMs: 5,
      firstHeartbeatEstimateMs: 100,
      threshold: 1e9,
    });
    detector.heartbeat(0);
    detector.heartbeat(80);
    expect(detector.phi(160)).toBeCloseTo(Math.log10(2), 9);
  });

  it("the defaults are Akka's: threshold 8, 1,000 samples, minStdDevMs 100, no pause, a 1 s first estimate", () => {
    expect(PHI_DEFAULTS).toEqual({
      threshold: 8,
      maxSamples: 1000,
      minStdDevMs: 100,
      acceptablePauseMs: 0,
      firstHeartbeatEstimateMs: 1000,
    });
    const detector = new PhiAccrualDetector();
    detector.heartbeat(0);
    expect(detector.phi(1_000)).toBeCloseTo(Math.log10(2), 12);
    expect(detector.phi(1_700)).toBeCloseTo(definedPhi([750, 1_250], 1_700, 250), 9);
  });

  it("far in the tail phi is infinite or huge, never NaN, and the node is suspected", () => {
    const detector = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 1 });
    for (let t = 0; t <= 1_000; t += 100) detector.heartbeat(t);
    const phi = detector.phi(60_000);
    ensure(!Number.isNaN(phi) && phi > 1e3, `phi a minute after a 100 ms sender went quiet is ${phi}`);
    expect(detector.isSuspected(60_000)).toBe(true);
    expect(detector.phi(1_000)).toBeGreaterThanOrEqual(0);
  });

  it("right after a heartbeat phi is 0, not NaN, even when the mean is a hundred deviations away", () => {
    const detector = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 1_000, minStdDevMs: 1, threshold: 1e9 });
    for (let t = 0; t <= 200_000; t += 1_000) detector.heartbeat(t); // deviation about 25 ms: y about -40 at t = 0
    const phi = detector.phi(200_000);
    ensure(
      phi === 0,
      `phi at the instant of a heartbeat is ${phi}; far below the mean, exp() overflows to Infinity and e / (1 + e) is NaN: use the other form, 1 - 1 / (1 + e), there`,
    );
  });

  it("a heartbeat that comes when phi is exactly at the threshold ends an outage: not a sample", () => {
    const options = { firstHeartbeatEstimateMs: 100, minStdDevMs: 10 };
    const probe = new PhiAccrualDetector({ ...options, threshold: 1e9 });
    for (let t = 0; t <= 1_000; t += 100) probe.heartbeat(t);
    const threshold = probe.phi(1_160);
    const detector = new PhiAccrualDetector({ ...options, threshold });
    for (let t = 0; t <= 1_000; t += 100) detector.heartbeat(t);
    detector.heartbeat(1_160); // phi was exactly the threshold: suspected, so 160 is not a sample
    const twin = new PhiAccrualDetector({ ...options, threshold: 1e9 });
    for (let t = 0; t <= 1_000; t += 100) twin.heartbeat(t);
    expect(detector.phi(1_260)).toBeCloseTo(twin.phi(1_100), 9);
  });

  it("messages name the call and the option", () => {
    const fixed = new FixedTimeoutDetector({ timeoutMs: 100 });
    fixed.heartbeat(50);
    expect(messageOf(DetectorError, () => fixed.heartbeat(10))).toContain("heartbeat(10)");
    expect(messageOf(DetectorError, () => fixed.isSuspected(10))).toContain("isSuspected(10)");
    expect(messageOf(DetectorError, () => new FixedTimeoutDetector({ timeoutMs: -5 }))).toContain("timeoutMs");
    const phi = new PhiAccrualDetector();
    phi.heartbeat(50);
    expect(messageOf(DetectorError, () => phi.phi(10))).toContain("phi(10)");
    expect(messageOf(DetectorError, () => phi.isSuspected(Number.NaN))).toContain("isSuspected(NaN)");
    expect(messageOf(DetectorError, () => phi.heartbeat(Number.NaN))).toContain("heartbeat(NaN)");
  });

  it("a long pause accepted in the options delays the suspicion by about that long", () => {
    const quick = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 20 });
    const patient = new PhiAccrualDetector({
      firstHeartbeatEstimateMs: 100,
      minStdDevMs: 20,
      acceptablePauseMs: 3_000,
    });
    for (let t = 0; t <= 2_000; t += 100) {
      quick.heartbeat(t);
      patient.heartbeat(t);
    }
    expect(quick.isSuspected(2_000 + 500)).toBe(true);
    expect(patient.isSuspected(2_000 + 2_500)).toBe(false);
    expect(patient.isSuspected(2_000 + 3_500)).toBe(true);
  });

  it("heartbeats at the same instant are an interval of 0, not an error", () => {
    const detector = new PhiAccrualDetector({ firstHeartbeatEstimateMs: 100, minStdDevMs: 10, threshold: 1e9 });
    detector.heartbeat(0);
    detector.heartbeat(100);
    detector.heartbeat(100);
    expect(detector.phi(150)).toBeCloseTo(definedPhi([75, 125, 100, 0], 50, 10), 9);
  });

  it("every method refuses a time before the last heartbeat and a time that is not finite", () => {
    const detector = new PhiAccrualDetector();
    detector.heartbeat(500);
    for (const call of [
      (t: number) => detector.heartbeat(t),
      (t: number) => detector.phi(t),
      (t: number) => detector.isSuspected(t),
    ]) {
      expect(codeOf(DetectorError, () => call(499))).toBe("TIME_WENT_BACKWARDS");
      expect(codeOf(DetectorError, () => call(Number.POSITIVE_INFINITY))).toBe("INVALID_TIME");
    }
    const fixed = new FixedTimeoutDetector({ timeoutMs: 10 });
    expect(codeOf(DetectorError, () => fixed.isSuspected(Number.NaN))).toBe("INVALID_TIME");
    expect(codeOf(DetectorError, () => new FixedTimeoutDetector({ timeoutMs: Number.NaN }))).toBe("INVALID_OPTION");
  });
});

describe("HeartbeatNode, more", () => {
  it("INVALID_OPTION for an interval or a check period that is not a number > 0, naming it", () => {
    const detectorFor = (): FailureDetector => new FixedTimeoutDetector({ timeoutMs: 50 });
    expect(
      messageOf(
        DetectorError,
        () => new HeartbeatNode(new ManualContext<Heartbeat>("a", ["b"]), { intervalMs: 0, detectorFor }),
      ),
    ).toContain("intervalMs");
    expect(
      messageOf(
        DetectorError,
        () => new HeartbeatNode(new ManualContext<Heartbeat>("a", ["b"]), { checkEveryMs: -1, detectorFor }),
      ),
    ).toContain("checkEveryMs");
  });

  it("makes one detector per peer, uses the defaults of 100 ms heartbeats and 10 ms checks, and trusts again", () => {
    const ctx = new ManualContext<Heartbeat>("a", ["b", "c", "d"]);
    const made: string[] = [];
    const changes: SuspicionChange[] = [];
    const node = new HeartbeatNode(ctx, {
      detectorFor: (peer) => {
        made.push(peer);
        return new FixedTimeoutDetector({ timeoutMs: 50 });
      },
      onChange: (change) => changes.push(change),
    });
    expect(made).toEqual(["b", "c", "d"]);
    expect(ctx.timerDelays.sort((x, y) => x - y)).toEqual([10, 100]);
    node.onMessage("d", { type: "heartbeat", incarnation: 1, seq: 1 });
    node.onMessage("b", { type: "heartbeat", incarnation: 1, seq: 1 });
    const step = (ms: number): void => {
      const until = ctx.now() + ms;
      for (;;) {
        const next = Math.min(...[...ctx.timers.values()].map((timer) => timer.setAt + timer.delayMs));
        if (!(next <= until)) break;
        ctx.advance(next - ctx.now());
        ctx.fireNextTimer();
      }
      ctx.advance(until - ctx.now());
    };
    step(60);
    expect(node.suspects()).toEqual(["b", "d"]);
    node.onMessage("b", { type: "heartbeat", incarnation: 1, seq: 2 });
    step(10);
    expect(node.suspects()).toEqual(["d"]);
    expect(changes.map((c) => `${c.peer}:${String(c.suspected)}@${c.at}`)).toEqual([
      "b:true@50",
      "d:true@50",
      "b:false@70",
    ]);
  });
});

describe("on the simulated network, more", () => {
  it("under duplicates and reordering, phi still never suspects a live node and notices a crash", () => {
    forEachSeed(3, (seed) => {
      const cluster = detectorCluster(api, {
        seed,
        network: { minDelayMs: 1, maxDelayMs: 120, duplicateRate: 0.3 },
        detectorFor: () => new PhiAccrualDetector(),
      });
      cluster.sim.runFor(20_000);
      cluster.sim.crash("c");
      cluster.sim.runFor(5_000);
      expect(falseSuspicions(cluster, 20_000)).toBe(0);
      const times = detectionTimes(cluster, "c", 20_000);
      ensure(
        times.every((t) => t < 2_000),
        `seed ${seed}: noticed after [${times.join(", ")}] ms`,
      );
    });
  });

  it("a node that comes back is trusted again by everyone", () => {
    const cluster = detectorCluster(api, {
      seed: 11,
      network: { minDelayMs: 1, maxDelayMs: 10 },
      detectorFor: (): FailureDetector => new PhiAccrualDetector(),
    });
    cluster.sim.runFor(10_000);
    cluster.sim.crash("b");
    cluster.sim.runFor(3_000);
    cluster.sim.restart("b");
    cluster.sim.runFor(3_000);
    for (const [id, node] of cluster.sim.liveNodes()) {
      ensure(!node.suspects().includes("b"), `${id} still suspects b three seconds after it came back`);
    }
  });
});
