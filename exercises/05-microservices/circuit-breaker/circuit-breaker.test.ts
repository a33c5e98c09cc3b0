import { ManualClock, codeOf, deferred, ensure, flushPromises, messageOf } from "#kata/testing";
import {
  CircuitBreaker,
  DEFAULTS,
  type CircuitBreakerOptions,
  type CircuitState,
  type Permit,
  type StateChange,
} from "./src/circuit-breaker";
import { CircuitBreakerError } from "./src/errors";
import { backoffDelay, retry } from "./src/retry";

/** A breaker on a ManualClock at t=0, small figures so a test can walk every edge, and its reports. */
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

/** Makes one call per letter and reports it at once: S success, F failure, I ignore. */
function report(breaker: CircuitBreaker, outcomes: string): void {
  for (const outcome of outcomes) {
    const permit = breaker.tryAcquire();
    ensure(
      permit !== undefined,
      `tryAcquire() refused a call in state ${breaker.state}; a CLOSED breaker lets every call through`,
    );
    if (outcome === "S") permit.success();
    else if (outcome === "F") permit.failure();
    else permit.ignore();
  }
}

/** Opens a fresh breaker at t=0 with four failures (minimumCalls 4). */
function openedBreaker(options: CircuitBreakerOptions = {}): ReturnType<typeof breakerOn> {
  const opened = breakerOn(options);
  report(opened.breaker, "FFFF");
  expect(opened.breaker.state).toBe("OPEN");
  return opened;
}

/** What a promise came to, readable synchronously once the microtasks have run. */
interface Watched<T> {
  settled: boolean;
  value?: T;
  error?: unknown;
}

function watch<T>(promise: Promise<T>): Watched<T> {
  const watched: Watched<T> = { settled: false };
  promise.then(
    (value) => Object.assign(watched, { settled: true, value }),
    (error: unknown) => Object.assign(watched, { settled: true, error }),
  );
  return watched;
}

function transitions(changes: StateChange[]): string {
  return changes.map((c) => `${c.from}->${c.to}@${c.at}`).join(", ") || "none";
}

/** The state, read afresh (a getter: TypeScript must not narrow it from an earlier check). */
const stateOf = (breaker: CircuitBreaker): CircuitState => breaker.state;

/** The caller's own mistake: not the dependency's fault. */
class BadRequest extends Error {}
const notBadRequest = (error: unknown): boolean => !(error instanceof BadRequest);

describe("CLOSED: the failure rate over a rolling window", () => {
  test("a new breaker is CLOSED, lets calls through and has counted nothing", () => {
    const { breaker } = breakerOn();
    expect(breaker.state).toBe("CLOSED");
    expect(breaker.counts()).toEqual({ calls: 0, failures: 0, rejected: 0 });
    report(breaker, "SSS");
    expect(breaker.counts()).toEqual({ calls: 3, failures: 0, rejected: 0 });
  });

  test("opens at the outcome that makes failures / calls reach failureRateThreshold, with minimumCalls in the window", () => {
    const { breaker, changes } = breakerOn();
    report(breaker, "SSF");
    ensure(
      stateOf(breaker) === "CLOSED",
      "after S, S, F the window holds 3 outcomes, under minimumCalls = 4: the breaker must stay CLOSED",
    );
    report(breaker, "F");
    ensure(
      stateOf(breaker) === "OPEN",
      `after S, S, F, F (2 failures of 4 = 0.5, failureRateThreshold 0.5) the breaker is ${breaker.state}; ` +
        "it opens when failures / calls >= failureRateThreshold, the threshold itself included",
    );
    expect(changes).toEqual([{ from: "CLOSED", to: "OPEN", at: 0 }]);
  });

  test("stays CLOSED under minimumCalls even when every call failed, and under the threshold", () => {
    const few = breakerOn();
    report(few.breaker, "FFF");
    ensure(
      stateOf(few.breaker) === "CLOSED",
      "3 failures of 3 opened the breaker; with minimumCalls = 4 it waits for a 4th outcome: " +
        "three failed calls are too few to judge a dependency by",
    );
    const healthy = breakerOn();
    report(healthy.breaker, "SSSFF");
    ensure(
      stateOf(healthy.breaker) === "CLOSED",
      "2 failures of 5 (0.4) opened the breaker; it opens only at a share >= failureRateThreshold = 0.5",
    );
    expect(healthy.changes).toEqual([]);
  });

  test("an outcome counts for exactly windowMs: still in the window at t + windowMs - 1, gone at t + windowMs", () => {
    const { breaker, clock } = breakerOn();
    clock.advance(2_000);
    report(breaker, "F");
    clock.advance(9_999);
    const before = breaker.counts();
    clock.advance(1);
    const after = breaker.counts();
    ensure(
      before.calls === 1 && before.failures === 1,
      `a failure at t=2000 was out of the window at t=11999 (counts ${JSON.stringify(before)}); ` +
        "with windowMs = 10000 it counts while now < 2000 + 10000",
    );
    ensure(
      after.calls === 0 && after.failures === 0,
      `a failure at t=2000 still counted at t=12000 (counts ${JSON.stringify(after)}); ` +
        "it leaves the window at exactly t + windowMs",
    );
  });

  test("failures spread thinner than the window never open the breaker: a rolling window, not a count since the start", () => {
    const { breaker, clock } = breakerOn();
    for (let i = 1; i <= 20; i++) {
      report(breaker, "F");
      ensure(
        stateOf(breaker) === "CLOSED",
        `one failure every 4000 ms opened the breaker at failure number ${i} (t=${clock.now()}); with ` +
          "windowMs = 10000 the rolling window never holds more than 3 of them, under minimumCalls = 4. " +
          "A failure count that never forgets opens a breaker on a dependency that fails once in a while.",
      );
      expect(breaker.counts().calls).toBeLessThanOrEqual(3);
      clock.advance(4_000);
    }
  });

  test("an outcome reported while CLOSED is counted at the time of the report, not of the permit", () => {
    const { breaker, clock } = breakerOn();
    const permit = breaker.tryAcquire() as Permit;
    clock.advance(7_000);
    permit.failure();
    clock.advance(5_000);
    ensure(
      breaker.counts().failures === 1,
      "a permit taken at t=0 reported a failure at t=7000, and at t=12000 the window no longer held it; " +
        "an outcome is recorded when it is reported, and counts for windowMs from then",
    );
  });
});

describe("OPEN: fail fast", () => {
  test("no call reaches the dependency while OPEN: call() rejects with CIRCUIT_OPEN and every refusal is counted", async () => {
    const { breaker, clock } = openedBreaker();
    let reached = 0;
    const dependency = (): Promise<string> => {
      reached++;
      return Promise.resolve("ok");
    };
    const calls = [];
    for (let i = 0; i < 5; i++) {
      calls.push(watch(breaker.call(dependency)));
      clock.advance(999);
    }
    expect(breaker.tryAcquire()).toBeUndefined();
    await flushPromises();
    ensure(reached === 0, `${reached} of 5 calls reached the dependency while the breaker was OPEN; none may`);
    for (const call of calls) {
      expect(call.error).toBeInstanceOf(CircuitBreakerError);
      expect((call.error as CircuitBreakerError).code).toBe("CIRCUIT_OPEN");
    }
    expect(breaker.counts().rejected).toBe(6);
  });

  test("OPEN turns HALF_OPEN by itself exactly openMs after it opened, and reports it", () => {
    const { breaker, clock, changes } = breakerOn();
    clock.advance(1_500);
    report(breaker, "FFFF");
    clock.advance(4_999);
    ensure(
      stateOf(breaker) === "OPEN" && breaker.tryAcquire() === undefined,
      `opened at t=1500 with openMs = 5000, the breaker was ${breaker.state} at t=6499; it stays OPEN until t=6500`,
    );
    clock.advance(1);
    ensure(
      stateOf(breaker) === "HALF_OPEN",
      `opened at t=1500 with openMs = 5000, the breaker was ${breaker.state} at t=6500, with no call made; ` +
        "it turns HALF_OPEN by itself at that instant, on a timer of the injected clock",
    );
    ensure(
      changes.some((c) => c.from === "OPEN" && c.to === "HALF_OPEN" && c.at === 6_500),
      `the move OPEN -> HALF_OPEN at t=6500 was not reported (reports: ${transitions(changes)}); ` +
        "every state change goes to onStateChange, the quiet ones made by a timer included",
    );
  });

  test("every state change is reported once, in order, with its time", () => {
    const { breaker, clock, changes } = breakerOn({ halfOpenTrials: 2 });
    report(breaker, "SFFF");
    clock.advance(5_000);
    report(breaker, "S");
    clock.advance(100);
    report(breaker, "F");
    clock.advance(5_000);
    report(breaker, "SS");
    const expected = [
      { from: "CLOSED", to: "OPEN", at: 0 },
      { from: "OPEN", to: "HALF_OPEN", at: 5_000 },
      { from: "HALF_OPEN", to: "OPEN", at: 5_100 },
      { from: "OPEN", to: "HALF_OPEN", at: 10_100 },
      { from: "HALF_OPEN", to: "CLOSED", at: 10_100 },
    ];
    ensure(
      JSON.stringify(changes) === JSON.stringify(expected),
      `reports were ${transitions(changes)}; expected ${transitions(expected as StateChange[])}: ` +
        "each change reported once, when it happens, none missed and none repeated",
    );
  });

  test("onStateChange runs after the change: the listener finds the breaker already in the new state", () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    const trials: boolean[] = [];
    const breaker: CircuitBreaker = new CircuitBreaker({
      clock,
      minimumCalls: 2,
      openMs: 1_000,
      onStateChange: (change) => {
        seen.push(`${change.to} (state ${breaker.state})`);
        if (change.to === "HALF_OPEN") {
          const permit = breaker.tryAcquire();
          trials.push(permit !== undefined);
          permit?.success();
        }
      },
    });
    report(breaker, "FF");
    clock.advance(1_000);
    ensure(
      seen.join(", ") === "OPEN (state OPEN), HALF_OPEN (state HALF_OPEN), CLOSED (state CLOSED)",
      `the listener saw: ${seen.join(", ")}; when onStateChange is called the breaker must be already in the new state, ` +
        "so a listener that reads the state, or makes the first trial call, acts on what it was told",
    );
    expect(trials).toEqual([true]);
  });
});

describe("HALF_OPEN: a bounded number of trial calls", () => {
  test("HALF_OPEN lets exactly halfOpenTrials calls through and refuses the rest", () => {
    const { breaker, clock } = openedBreaker({ halfOpenTrials: 2 });
    clock.advance(5_000);
    const permits = Array.from({ length: 5 }, () => breaker.tryAcquire());
    const granted = permits.filter((p) => p !== undefined).length;
    ensure(
      granted === 2,
      `HALF_OPEN let ${granted} of 5 waiting callers through; with halfOpenTrials = 2 it lets exactly 2 trial calls ` +
        "through and refuses the others: a dependency that is just recovering must not take the whole backlog at once",
    );
    expect(breaker.counts().rejected).toBe(3);
    expect(breaker.state).toBe("HALF_OPEN");
  });

  test("halfOpenTrials successes close the breaker, not fewer", () => {
    const { breaker, clock, changes } = openedBreaker({ halfOpenTrials: 3 });
    clock.advance(5_000);
    const permits = [breaker.tryAcquire(), breaker.tryAcquire(), breaker.tryAcquire()] as Permit[];
    permits[0]?.success();
    permits[1]?.success();
    ensure(
      stateOf(breaker) === "HALF_OPEN",
      `2 trial successes of halfOpenTrials = 3 moved the breaker to ${breaker.state}; it closes at the 3rd`,
    );
    expect(breaker.tryAcquire()).toBeUndefined();
    permits[2]?.success();
    expect(breaker.state).toBe("CLOSED");
    expect(changes.at(-1)).toEqual({ from: "HALF_OPEN", to: "CLOSED", at: 5_000 });
  });

  test("a trial failure reopens the breaker for a full openMs from that failure", () => {
    const { breaker, clock } = openedBreaker({ halfOpenTrials: 2 });
    clock.advance(5_000);
    const first = breaker.tryAcquire() as Permit;
    const second = breaker.tryAcquire() as Permit;
    first.success();
    clock.advance(300);
    second.failure();
    ensure(stateOf(breaker) === "OPEN", `a failed trial left the breaker ${breaker.state}; it opens again at once`);
    clock.advance(4_999);
    ensure(
      stateOf(breaker) === "OPEN",
      `reopened at t=5300, the breaker was ${breaker.state} at t=10299; OPEN lasts openMs from the new failure`,
    );
    clock.advance(1);
    expect(breaker.state).toBe("HALF_OPEN");
    (breaker.tryAcquire() as Permit).success();
    ensure(
      stateOf(breaker) === "HALF_OPEN",
      "one trial success closed the breaker with halfOpenTrials = 2: the success of the earlier half-open period " +
        "was carried over; each HALF_OPEN period starts with no trial given out and none succeeded",
    );
  });

  test("an ignored trial gives its place to the next caller", () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(5_000);
    const trial = breaker.tryAcquire() as Permit;
    expect(breaker.tryAcquire()).toBeUndefined();
    trial.ignore();
    const next = breaker.tryAcquire();
    ensure(
      next !== undefined,
      "the only trial was ignored (it said nothing about the dependency) and the next caller was refused; " +
        "an ignored trial gives its place back, or HALF_OPEN never learns anything",
    );
    expect(breaker.state).toBe("HALF_OPEN");
    next.success();
    expect(breaker.state).toBe("CLOSED");
  });

  test("the window starts empty when the breaker closes again", () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(5_000);
    report(breaker, "S");
    expect(breaker.counts()).toMatchObject({ calls: 0, failures: 0 });
    report(breaker, "F");
    ensure(
      stateOf(breaker) === "CLOSED",
      "the breaker reopened on the first failure after it closed, because the 4 failures from before it opened " +
        "were still counted; the window starts empty each time the breaker closes",
    );
  });
});

describe("permits", () => {
  test("a permit reports once: a second report throws PERMIT_ALREADY_SETTLED and changes nothing", () => {
    const { breaker } = breakerOn();
    const permit = breaker.tryAcquire() as Permit;
    permit.failure();
    expect(codeOf(CircuitBreakerError, () => permit.failure())).toBe("PERMIT_ALREADY_SETTLED");
    expect(codeOf(CircuitBreakerError, () => permit.success())).toBe("PERMIT_ALREADY_SETTLED");
    expect(codeOf(CircuitBreakerError, () => permit.ignore())).toBe("PERMIT_ALREADY_SETTLED");
    expect(messageOf(CircuitBreakerError, () => permit.ignore())).toMatch(/once/);
    expect(breaker.counts()).toMatchObject({ calls: 1, failures: 1 });
  });

  test("a permit granted before the breaker opened changes nothing when it reports later", () => {
    const { breaker, clock } = breakerOn();
    const early = [breaker.tryAcquire(), breaker.tryAcquire()] as Permit[];
    report(breaker, "FFFF");
    early[0]?.success();
    ensure(
      stateOf(breaker) === "OPEN",
      `a call granted before the circuit opened answered while it was OPEN and moved it to ${breaker.state}; ` +
        "an outcome counts only in the state period its permit was granted in",
    );
    clock.advance(5_000);
    early[1]?.success();
    ensure(
      stateOf(breaker) === "HALF_OPEN",
      `a call granted before the circuit opened answered during HALF_OPEN and moved the breaker to ${breaker.state}; ` +
        "an outcome counts only in the state period its permit was granted in: the trial call decides, not a straggler",
    );
    expect(breaker.tryAcquire()).toBeDefined();
  });
});

describe("call(): timeouts and whose fault an error is", () => {
  test("call() passes the value and the error on, and counts each outcome", async () => {
    const { breaker } = breakerOn();
    await expect(breaker.call(() => Promise.resolve(42))).resolves.toBe(42);
    const failure = new Error("503 from the dependency");
    await expect(breaker.call(() => Promise.reject(failure))).rejects.toBe(failure);
    expect(breaker.counts()).toEqual({ calls: 2, failures: 1, rejected: 0 });
  });

  test("a call unanswered at callTimeoutMs is rejected with CALL_TIMEOUT and counted as a failure at that instant", async () => {
    const { breaker, clock } = breakerOn();
    const answer = deferred<string>();
    const call = watch(breaker.call(() => answer.promise));
    clock.advance(999);
    await flushPromises();
    expect(call.settled).toBe(false);
    clock.advance(1);
    await flushPromises();
    ensure(
      call.error instanceof CircuitBreakerError && call.error.code === "CALL_TIMEOUT",
      `a call with no answer at callTimeoutMs = 1000 came to ${String(call.error ?? call.value)}; ` +
        "it is rejected with CALL_TIMEOUT at that instant, the caller must not wait on",
    );
    expect(breaker.counts()).toEqual({ calls: 1, failures: 1, rejected: 0 });
    expect(call.error).toHaveProperty("message", expect.stringContaining("callTimeoutMs = 1000"));
  });

  test("a slow success past the timeout counts for nothing: a timed-out trial reopens the breaker, its late answer does not close it", async () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(5_000);
    const answer = deferred<string>();
    const call = watch(breaker.call(() => answer.promise));
    clock.advance(1_000);
    await flushPromises();
    ensure(
      stateOf(breaker) === "OPEN",
      `a trial call that timed out at callTimeoutMs = 1000 left the breaker ${breaker.state}; a timeout is a failure, ` +
        "counted when it happens, so the breaker reopens at once",
    );
    answer.resolve("finally");
    await flushPromises();
    ensure(
      stateOf(breaker) === "OPEN",
      `the answer of a call that had timed out arrived 1.5 s late and moved the breaker to ${breaker.state}; ` +
        "a success after the timeout was useless to the caller and counts for nothing",
    );
    expect((call.error as CircuitBreakerError).code).toBe("CALL_TIMEOUT");
  });

  test("errors that isFailure says are the caller's own pass through uncounted and never open the breaker", async () => {
    const { breaker } = breakerOn({ isFailure: notBadRequest });
    for (let i = 0; i < 10; i++) {
      const bad = new BadRequest(`400: field ${i} is missing`);
      const error = await breaker.call(() => Promise.reject(bad)).catch((e: unknown) => e);
      ensure(
        error === bad && stateOf(breaker) === "CLOSED" && breaker.counts().failures === 0,
        `after ${i + 1} calls rejected for the caller's own bad input the breaker is ${breaker.state} with ` +
          `${breaker.counts().failures} failures counted, and call() gave ${String(error)}; isFailure said the error ` +
          "was not the dependency's fault, so it is passed on as it is and counts as nothing: opening would cut " +
          "every caller off from a healthy dependency",
      );
    }
    expect(breaker.counts().calls).toBe(0);
    await expect(breaker.call(() => Promise.reject(new Error("502")))).rejects.toThrow("502");
    expect(breaker.counts()).toMatchObject({ calls: 1, failures: 1 });
  });

  test("no timer is left behind once a call settles", async () => {
    const { breaker, clock } = breakerOn();
    await breaker.call(() => Promise.resolve("ok"));
    await expect(breaker.call(() => Promise.reject(new Error("500")))).rejects.toThrow("500");
    ensure(
      clock.pending === 0,
      `${clock.pending} timer(s) still set after two calls that answered at once; cancel the timeout when a call settles`,
    );
    clock.advance(5_000);
    expect(breaker.counts()).toEqual({ calls: 2, failures: 1, rejected: 0 });
  });
});

describe("retry with exponential backoff and full jitter", () => {
  test("backoffDelay is full jitter: random() x min(maxDelayMs, baseDelayMs x 2^(n-1))", () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.25 };
    const delays = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options));
    ensure(
      JSON.stringify(delays) === JSON.stringify([25, 50, 100, 200, 250, 250]),
      `with random() = 0.25, base 100 and cap 1000 the waits were ${delays.join(", ")}; full jitter draws each ` +
        "from [0, cap), cap = min(1000, 100 x 2^(n-1)): 25, 50, 100, 200, 250, 250. Without the jitter every " +
        "client that failed together retries together, and the recovering dependency takes the whole herd again",
    );
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0 })).toBe(0);
  });

  test("retry waits the backoff between attempts on the clock, and not after the last", async () => {
    const clock = new ManualClock();
    const attemptsAt: number[] = [];
    const outcome = watch(
      retry(
        (attempt) => {
          attemptsAt.push(clock.now());
          return Promise.reject(new Error(`attempt ${attempt} failed`));
        },
        { clock, random: () => 0.5, maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
      ),
    );
    for (let t = 0; t < 400 && !outcome.settled; t++) {
      await flushPromises();
      clock.advance(1);
    }
    await flushPromises();
    ensure(
      attemptsAt.join(",") === "0,50,150,275",
      `attempts were made at t=${attemptsAt.join(", ")}; with random() = 0.5, base 100 and cap 250 the waits are ` +
        "50, 100 and 125 ms: attempts at 0, 50, 150 and 275",
    );
    expect((outcome.error as Error).message).toBe("attempt 4 failed");
    expect(clock.pending).toBe(0);
  });

  test("retry stops at the first success, and at once on an error isRetryable refuses", async () => {
    const clock = new ManualClock();
    let attempts = 0;
    const done = retry((attempt) => (++attempts === 1 ? Promise.reject(new Error("503")) : Promise.resolve(attempt)), {
      clock,
      random: () => 1,
      baseDelayMs: 10,
    });
    await flushPromises();
    clock.advance(10);
    await expect(done).resolves.toBe(2);
    expect(attempts).toBe(2);

    let badAttempts = 0;
    const bad = new BadRequest("400");
    const refused = retry(
      () => {
        badAttempts++;
        return Promise.reject(bad);
      },
      { clock, isRetryable: notBadRequest },
    );
    await expect(refused).rejects.toBe(bad);
    ensure(badAttempts === 1, `an error isRetryable refused was tried ${badAttempts} times; it is thrown at once`);
    expect(clock.pending).toBe(0);
  });
});

describe("bad input", () => {
  test.each([
    ["windowMs", 0],
    ["windowMs", -1],
    ["windowMs", Number.POSITIVE_INFINITY],
    ["minimumCalls", 0],
    ["minimumCalls", 2.5],
    ["failureRateThreshold", 0],
    ["failureRateThreshold", 1.5],
    ["failureRateThreshold", Number.NaN],
    ["openMs", 0],
    ["halfOpenTrials", 0],
    ["callTimeoutMs", -5],
    ["callTimeoutMs", "1000"],
    ["isFailure", true],
    ["onStateChange", "log"],
  ])("%s = %p is refused with INVALID_OPTION, and the message names the option and the value", (name, value) => {
    const make = (): CircuitBreaker => new CircuitBreaker({ clock: new ManualClock(), [name]: value });
    expect(codeOf(CircuitBreakerError, make)).toBe("INVALID_OPTION");
    const message = messageOf(CircuitBreakerError, make);
    ensure(
      message.includes(name) && message.includes(typeof value === "string" ? `"${value}"` : String(value)),
      `the message for ${name} = ${String(value)} was "${message}"; it names the option and the value given`,
    );
  });

  test("a clock without now() and setTimer() is refused with INVALID_OPTION", () => {
    expect(codeOf(CircuitBreakerError, () => new CircuitBreaker({ clock: { now: () => 0 } as never }))).toBe(
      "INVALID_OPTION",
    );
  });

  test("the defaults are the documented ones, and the extremes of each range are accepted", () => {
    expect(DEFAULTS).toEqual({
      windowMs: 10_000,
      minimumCalls: 10,
      failureRateThreshold: 0.5,
      openMs: 30_000,
      halfOpenTrials: 1,
      callTimeoutMs: 1_000,
    });
    const edge = new CircuitBreaker({ clock: new ManualClock(), failureRateThreshold: 1, minimumCalls: 1 });
    expect(edge.state).toBe("CLOSED");
  });

  test("call() and retry() refuse a value that is not a function with NOT_A_FUNCTION, thrown at once", () => {
    const { breaker } = breakerOn();
    expect(codeOf(CircuitBreakerError, () => breaker.call("fetch" as never))).toBe("NOT_A_FUNCTION");
    expect(codeOf(CircuitBreakerError, () => retry(undefined as never))).toBe("NOT_A_FUNCTION");
    expect(messageOf(CircuitBreakerError, () => breaker.call("fetch" as never))).toMatch(/call\(\).*function.*"fetch"/);
    expect(messageOf(CircuitBreakerError, () => retry(42 as never))).toMatch(/retry\(\).*function.*42/);
    expect(breaker.counts().rejected).toBe(0);
  });

  test.each([
    ["maxAttempts", 0],
    ["maxAttempts", 1.5],
    ["baseDelayMs", -1],
    ["maxDelayMs", Number.NaN],
    ["random", 0.5],
    ["isRetryable", "yes"],
  ])("retry option %s = %p is refused with INVALID_OPTION before any attempt", (name, value) => {
    let attempts = 0;
    const attempt = (): Promise<number> => Promise.resolve(++attempts);
    expect(codeOf(CircuitBreakerError, () => retry(attempt, { clock: new ManualClock(), [name]: value }))).toBe(
      "INVALID_OPTION",
    );
    expect(attempts).toBe(0);
  });
});
