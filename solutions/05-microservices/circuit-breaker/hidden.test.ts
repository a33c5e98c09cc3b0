import { ManualClock, codeOf, deferred, ensure, flushPromises, messageOf } from "#kata/testing";
import {
  CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitState,
  type Permit,
  type StateChange,
} from "./src/circuit-breaker";
import { CircuitBreakerError } from "./src/errors";
import { retry } from "./src/retry";

function breakerOn(options: CircuitBreakerOptions = {}): {
  breaker: CircuitBreaker;
  clock: ManualClock;
  changes: StateChange[];
} {
  const clock = new ManualClock();
  const changes: StateChange[] = [];
  const breaker = new CircuitBreaker({
    clock,
    windowMs: 10_000,
    minimumCalls: 4,
    failureRateThreshold: 0.5,
    openMs: 5_000,
    halfOpenTrials: 1,
    callTimeoutMs: 1_000,
    onStateChange: (change) => changes.push(change),
    ...options,
  });
  return { breaker, clock, changes };
}

function report(breaker: CircuitBreaker, outcomes: string): void {
  for (const outcome of outcomes) {
    const permit = breaker.tryAcquire();
    ensure(
      permit !== undefined,
      `tryAcquire() refused a call in state ${breaker.state}; CLOSED lets every call through`,
    );
    if (outcome === "S") permit.success();
    else if (outcome === "F") permit.failure();
    else permit.ignore();
  }
}

const stateOf = (breaker: CircuitBreaker): CircuitState => breaker.state;

class BadRequest extends Error {}
const notBadRequest = (error: unknown): boolean => !(error instanceof BadRequest);

describe("hidden: the rate, exactly", () => {
  test("3 failures of 10 open a breaker whose failureRateThreshold is 0.3 (compare the share, not threshold x calls)", () => {
    const { breaker } = breakerOn({ minimumCalls: 10, failureRateThreshold: 0.3 });
    report(breaker, "SSSSSSSFF");
    expect(breaker.state).toBe("CLOSED");
    report(breaker, "F");
    ensure(
      stateOf(breaker) === "OPEN",
      "3 failures of 10 did not open a breaker with failureRateThreshold 0.3: 0.3 x 10 is 3.0000000000000004 in " +
        "floating point, so `failures >= threshold * calls` misses the threshold itself; compare failures / calls",
    );
  });

  test("with failureRateThreshold 1 the breaker opens only when every call in the window failed", () => {
    const { breaker } = breakerOn({ failureRateThreshold: 1 });
    report(breaker, "SFFFFFFF");
    expect(breaker.state).toBe("CLOSED");
    const fresh = breakerOn({ failureRateThreshold: 1 });
    report(fresh.breaker, "FFFF");
    expect(fresh.breaker.state).toBe("OPEN");
  });

  test("an ignored outcome is not a success either: it is left out of the window", () => {
    const { breaker } = breakerOn();
    report(breaker, "FFIIIIFS");
    ensure(
      stateOf(breaker) === "OPEN",
      `after F, F, 4 ignored, F, S the breaker was ${breaker.state}: the window holds 4 outcomes, 3 failures (0.75); ` +
        "counting the ignored calls as successes makes it 3 of 8 and keeps a failing dependency in service",
    );
  });

  test("the rate is judged after every outcome: a success can open the breaker once old successes have left the window", () => {
    const { breaker, clock } = breakerOn({ failureRateThreshold: 0.7 });
    report(breaker, "SS");
    clock.advance(5_000);
    report(breaker, "FFF");
    expect(breaker.state).toBe("CLOSED");
    clock.advance(5_000);
    report(breaker, "S");
    ensure(
      stateOf(breaker) === "OPEN",
      "at t=10000 the two successes of t=0 left the window, and a success made it F, F, F, S: 3 of 4 failed, over " +
        "the threshold 0.7; the breaker checks the window after every outcome, not only after failures",
    );
  });

  test("a call that times out while CLOSED is recorded at the timeout instant and leaves the window windowMs later", async () => {
    const { breaker, clock } = breakerOn();
    const never = deferred<string>();
    const call = breaker.call(() => never.promise).catch((error: unknown) => error);
    clock.advance(1_000);
    expect(((await call) as CircuitBreakerError).code).toBe("CALL_TIMEOUT");
    clock.advance(9_999);
    expect(breaker.counts()).toMatchObject({ calls: 1, failures: 1 });
    clock.advance(1);
    ensure(
      breaker.counts().calls === 0,
      "a timeout at t=1000 still counted at t=11000; it is recorded when the deadline passes",
    );
  });

  test("the window is empty while OPEN and after closing: counts() shows what will be judged", () => {
    const { breaker, clock } = breakerOn();
    report(breaker, "SFFF");
    expect(breaker.state).toBe("OPEN");
    expect(breaker.counts()).toEqual({ calls: 0, failures: 0, rejected: 0 });
    clock.advance(5_000);
    report(breaker, "S");
    expect(breaker.counts()).toEqual({ calls: 0, failures: 0, rejected: 0 });
    expect(clock.pending).toBe(0);
  });
});

describe("hidden: stragglers and trials", () => {
  test("a trial of an earlier HALF_OPEN period counts neither in the next one nor once the breaker closed", () => {
    const { breaker, clock, changes } = breakerOn({ halfOpenTrials: 2 });
    report(breaker, "FFFF");
    clock.advance(5_000);
    const straggler = breaker.tryAcquire() as Permit;
    (breaker.tryAcquire() as Permit).failure();
    clock.advance(5_000);
    expect(breaker.state).toBe("HALF_OPEN");
    const trial = breaker.tryAcquire() as Permit;
    straggler.success();
    ensure(
      breaker.tryAcquire() !== undefined,
      "a trial granted in an earlier HALF_OPEN period answered and took a place in the current one; " +
        "a permit's outcome counts only in the state period it was granted in",
    );
    trial.success();
    expect(stateOf(breaker)).toBe("HALF_OPEN");
    const late = breakerOn({ halfOpenTrials: 2 });
    report(late.breaker, "FFFF");
    late.clock.advance(5_000);
    const old = late.breaker.tryAcquire() as Permit;
    (late.breaker.tryAcquire() as Permit).failure();
    late.clock.advance(5_000);
    (late.breaker.tryAcquire() as Permit).success();
    (late.breaker.tryAcquire() as Permit).success();
    expect(late.breaker.state).toBe("CLOSED");
    old.failure();
    expect(late.breaker.counts()).toMatchObject({ calls: 0, failures: 0 });
    expect(changes.map((c) => c.to)).toEqual(["OPEN", "HALF_OPEN", "OPEN", "HALF_OPEN"]);
  });

  test("a call that isFailure excuses gives its trial place back in HALF_OPEN", async () => {
    const { breaker, clock } = breakerOn({ isFailure: notBadRequest });
    report(breaker, "FFFF");
    clock.advance(5_000);
    const bad = new BadRequest("400");
    await expect(breaker.call(() => Promise.reject(bad))).rejects.toBe(bad);
    expect(breaker.state).toBe("HALF_OPEN");
    await expect(breaker.call(() => Promise.resolve("ok"))).resolves.toBe("ok");
    expect(breaker.state).toBe("CLOSED");
  });

  test("a call refused in HALF_OPEN says that the trials are taken; one refused while OPEN says until when", async () => {
    const { breaker, clock } = breakerOn();
    clock.advance(200);
    report(breaker, "FFFF");
    clock.advance(1_000);
    const open = (await breaker.call(() => Promise.resolve(1)).catch((e: unknown) => e)) as CircuitBreakerError;
    expect(open.code).toBe("CIRCUIT_OPEN");
    expect(open.message).toContain("OPEN");
    expect(open.message).toContain("t=5200");
    expect(open.message).toContain("in 4000 ms");
    clock.advance(4_000);
    const pending = deferred<number>();
    const trial = breaker.call(() => pending.promise);
    const refused = (await breaker.call(() => Promise.resolve(2)).catch((e: unknown) => e)) as CircuitBreakerError;
    expect(refused.code).toBe("CIRCUIT_OPEN");
    expect(refused.message).toContain("HALF_OPEN");
    expect(refused.message).toContain("trial");
    pending.resolve(3);
    await expect(trial).resolves.toBe(3);
    expect(breaker.counts().rejected).toBe(2);
  });

  test("a dependency call that throws before returning a promise is a failed call, not a crash", async () => {
    const { breaker, clock } = breakerOn();
    const broken = (): Promise<number> => {
      throw new Error("socket closed");
    };
    await expect(breaker.call(broken)).rejects.toThrow("socket closed");
    expect(breaker.counts()).toMatchObject({ calls: 1, failures: 1 });
    expect(clock.pending).toBe(0);
  });

  test("a timed-out trial is reported as HALF_OPEN -> OPEN at the deadline", async () => {
    const { breaker, clock, changes } = breakerOn();
    report(breaker, "FFFF");
    clock.advance(5_000);
    const never = deferred<string>();
    const trial = breaker.call(() => never.promise).catch(() => "timed out");
    clock.advance(1_000);
    await expect(trial).resolves.toBe("timed out");
    expect(changes.at(-1)).toEqual({ from: "HALF_OPEN", to: "OPEN", at: 6_000 });
    clock.advance(5_000);
    expect(breaker.state).toBe("HALF_OPEN");
  });

  test("a breaker with no options uses the documented defaults and the system clock", async () => {
    const breaker = new CircuitBreaker();
    await expect(breaker.call(() => Promise.resolve("ok"))).resolves.toBe("ok");
    report(breaker, "FFFFFFFF");
    expect(breaker.state).toBe("CLOSED");
    report(breaker, "F");
    ensure(
      stateOf(breaker) === "OPEN",
      "1 success and 9 failures did not open a breaker with the defaults (minimumCalls 10, failureRateThreshold 0.5)",
    );
  });
});

describe("hidden: retry", () => {
  test("maxAttempts 1 makes one attempt and never waits; the default makes 3", async () => {
    const clock = new ManualClock();
    let once = 0;
    await expect(retry(() => Promise.reject(new Error(`try ${++once}`)), { clock, maxAttempts: 1 })).rejects.toThrow(
      "try 1",
    );
    expect(clock.pending).toBe(0);
    let attempts = 0;
    const draws: number[] = [];
    const done = retry(() => Promise.reject(new Error(`try ${++attempts}`)), {
      clock,
      random: () => {
        draws.push(attempts);
        return 1;
      },
    }).catch((e: unknown) => e);
    for (let i = 0; i < 5; i++) {
      await flushPromises();
      clock.advance(200);
    }
    expect(((await done) as Error).message).toBe("try 3");
    ensure(
      draws.join(",") === "1,2",
      `random() was drawn after attempts ${draws.join(", ") || "none"}; one draw per wait: after attempts 1 and 2`,
    );
  });

  test("waits of 0 ms are allowed (baseDelayMs 0), and maxDelayMs under baseDelayMs is refused", async () => {
    const clock = new ManualClock();
    let attempts = 0;
    const done = retry(() => (++attempts < 3 ? Promise.reject(new Error("503")) : Promise.resolve("ok")), {
      clock,
      baseDelayMs: 0,
      maxDelayMs: 0,
    });
    for (let i = 0; i < 3; i++) {
      await flushPromises();
      clock.advance(0);
    }
    await expect(done).resolves.toBe("ok");
    const options = { clock, baseDelayMs: 500, maxDelayMs: 100 };
    expect(codeOf(CircuitBreakerError, () => retry(() => Promise.resolve(1), options))).toBe("INVALID_OPTION");
    expect(messageOf(CircuitBreakerError, () => retry(() => Promise.resolve(1), options))).toMatch(/maxDelayMs.*100/);
  });
});

describe("hidden: the window against a brute-force count", () => {
  test("thousands of outcomes at uneven times, the window wrapping and growing: every count exact", () => {
    const { breaker, clock } = breakerOn({ windowMs: 1_000, minimumCalls: 100_000 });
    const log: { at: number; failure: boolean }[] = [];
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let i = 0; i < 3_000; i++) {
      // Bursts and lulls: sometimes many outcomes in one ms, sometimes a gap longer than the window.
      const r = next();
      clock.advance(r < 0.6 ? 0 : r < 0.97 ? Math.floor(next() * 20) : 1_000 + Math.floor(next() * 500));
      const failure = next() < 0.3;
      report(breaker, failure ? "F" : "S");
      log.push({ at: clock.now(), failure });
      if (i % 7 === 0 || r >= 0.97) {
        const live = log.filter((e) => e.at + 1_000 > clock.now());
        const expected = { calls: live.length, failures: live.filter((e) => e.failure).length };
        const got = breaker.counts();
        ensure(
          got.calls === expected.calls && got.failures === expected.failures,
          `after ${i + 1} outcomes, at t=${clock.now()}, the window held ${JSON.stringify(got)}; the outcomes of ` +
            `the last 1000 ms are ${JSON.stringify(expected)}`,
        );
      }
    }
  });
});

describe("hidden: messages that say what to do", () => {
  const make = (options: Record<string, unknown>) => () =>
    new CircuitBreaker({ clock: new ManualClock(), ...options } as CircuitBreakerOptions);

  test.each([
    [{ windowMs: 0 }, "windowMs must be a finite number of ms > 0, got 0; leave it out for the default (10000)"],
    [{ openMs: null }, "openMs must be a finite number of ms > 0, got null; leave it out for the default (30000)"],
    [{ minimumCalls: 2.5 }, "minimumCalls must be an integer >= 1, got 2.5; leave it out for the default (10)"],
    [
      { failureRateThreshold: "0.5" },
      'failureRateThreshold must be a number in (0, 1], a share of the calls, got "0.5"; leave it out for the default (0.5)',
    ],
    [{ isFailure: {} }, "isFailure must be a function, got {}; leave it out for the default (every error counts)"],
    [{ onStateChange: 1 }, "onStateChange must be a function, got 1; leave it out for the default (no listener)"],
  ])("%p is refused with the message %p", (options, message) => {
    expect(codeOf(CircuitBreakerError, make(options))).toBe("INVALID_OPTION");
    expect(messageOf(CircuitBreakerError, make(options))).toBe(message);
  });

  test("a clock that is null or lacks now() is refused, and the message says what a clock needs", () => {
    for (const clock of [null, { setTimer: () => ({ cancel: () => undefined }) }]) {
      const message = messageOf(CircuitBreakerError, make({ clock }));
      expect(message).toContain("clock must have now() and setTimer(ms, callback)");
      expect(message).toContain("ManualClock");
    }
  });

  test("retry's options: exact messages, and a clock without setTimer() is refused", () => {
    const attempt = (): Promise<number> => Promise.resolve(1);
    const refused = (options: Record<string, unknown>): string =>
      messageOf(CircuitBreakerError, () => retry(attempt, options));
    expect(refused({ baseDelayMs: -1 })).toBe(
      "baseDelayMs must be a finite number of ms >= 0, got -1; leave it out for the default (100)",
    );
    expect(refused({ random: 0.5 })).toBe(
      "random must be a function, got 0.5; leave it out for the default (Math.random)",
    );
    expect(refused({ isRetryable: "yes" })).toBe(
      'isRetryable must be a function, got "yes"; leave it out for the default (every error is retried)',
    );
    expect(refused({ maxAttempts: 0 })).toBe(
      "maxAttempts must be an integer >= 1, got 0; leave it out for the default (3)",
    );
    expect(refused({ clock: {} })).toBe("clock must have setTimer(ms, callback), got {}");
    expect(refused({ baseDelayMs: 500, maxDelayMs: 100 })).toBe(
      "maxDelayMs (100) must be >= baseDelayMs (500): it caps every wait",
    );
  });

  test("a timeout, a refusal and a second report each say what happened", async () => {
    const { breaker, clock } = breakerOn();
    const never = deferred<string>();
    const timedOut = breaker.call(() => never.promise).catch((e: unknown) => e);
    clock.advance(1_000);
    expect(((await timedOut) as Error).message).toBe(
      "no answer within callTimeoutMs = 1000 ms: the call counts as a failure of the dependency",
    );
    const permit = breaker.tryAcquire() as Permit;
    permit.success();
    expect(messageOf(CircuitBreakerError, () => permit.failure())).toBe(
      "failure() on a permit that already reported its outcome: each permit reports once (success, failure or " +
        "ignore); acquire a new permit for another call",
    );
    report(breaker, "FF");
    expect(breaker.state).toBe("OPEN");
    const refused = (await breaker.call(() => Promise.resolve(1)).catch((e: unknown) => e)) as Error;
    expect(refused.message).toBe(
      "the circuit is OPEN since t=1000: calls fail fast, none reaches the dependency, until it turns HALF_OPEN " +
        "at t=6000 (in 5000 ms)",
    );
  });
});
