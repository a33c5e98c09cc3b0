import { codeOf, deferred, ensure, flushPromises, messageOf, seededFaker } from "#kata/testing";
import { ActorError } from "./src/errors";
import { ManualScheduler } from "./src/scheduler";
import { ActorSystem, type Actor, type ActorRef, type ReplyTo } from "./src/actor-system";

import {
  setup,
  settled,
  track,
  codeOfError,
  answersOf,
  logger,
  counter,
  getCount,
  type CounterMessage,
} from "./actor-test-kit";

describe("tell: one message at a time, in order", () => {
  test("tell only queues; drain() runs the queued messages in order and returns how many it ran", () => {
    const { system } = setup();
    const log: unknown[] = [];
    const ref = system.spawn("printer", logger(log));
    ref.tell(1);
    ref.tell(2);
    ref.tell(3);
    ensure(
      log.length === 0,
      `receive ran inside tell() (the log was ${JSON.stringify(log)} before any drain): tell queues the message and returns; the system runs it later`,
    );
    expect(system.drain()).toBe(3);
    expect(log).toEqual([1, 2, 3]);
    expect(system.drain()).toBe(0);
  });

  test("messages told and not drained run on their own, in a microtask", async () => {
    const { system } = setup();
    const log: unknown[] = [];
    system.spawn("printer", logger(log)).tell("hello");
    await flushPromises();
    ensure(
      log.length === 1,
      "a told message had not run after every pending microtask: tell schedules a drain (queueMicrotask), so no caller has to",
    );
  });

  test("each actor handles its messages in the order they were told, however tells to many actors interleave", () => {
    const { system } = setup();
    const faker = seededFaker();
    const logs = new Map<string, unknown[]>();
    const refs = Array.from({ length: 6 }, (_, i) => {
      const log: unknown[] = [];
      logs.set(`worker-${i}`, log);
      return system.spawn(`worker-${i}`, logger(log));
    });
    const sent = new Map<string, number[]>(refs.map((ref) => [ref.name, []]));
    for (let i = 0; i < 600; i++) {
      const ref = faker.helpers.arrayElement(refs);
      sent.get(ref.name)?.push(i);
      ref.tell(i);
      if (i % 97 === 0) system.drain();
    }
    system.drain();
    for (const [name, expected] of sent) {
      const got = logs.get(name) ?? [];
      const firstOff = got.findIndex((value, i) => value !== expected[i]);
      ensure(
        got.length === expected.length && firstOff === -1,
        `${name} was told ${expected.length} messages and handled ${got.length}; ` +
          (firstOff === -1
            ? "some were never handled"
            : `its message #${firstOff} was ${String(got[firstOff])} where ${String(expected[firstOff])} was told first`) +
          ": a mailbox is first in, first out, per actor.",
      );
    }
  });

  test("an async handler settles before the actor's next message starts, even when the handler awaits between steps", async () => {
    const { system } = setup();
    const log: string[] = [];
    const ref = system.spawn<number>("writer", () => ({
      async receive(n) {
        log.push(`start ${n}`);
        await Promise.resolve();
        log.push(`middle ${n}`);
        for (let step = 0; step < 5; step++) await Promise.resolve();
        log.push(`end ${n}`);
      },
    }));
    for (let n = 1; n <= 3; n++) ref.tell(n);
    await settled(system);
    const expected = [1, 2, 3].flatMap((n) => [`start ${n}`, `middle ${n}`, `end ${n}`]);
    const overlap = log.findIndex((entry, i) => entry !== expected[i]);
    ensure(
      overlap === -1 && log.length === expected.length,
      `the actor's log was ${JSON.stringify(log)}: it started "${log[overlap]}" while an earlier message's promise had not settled. ` +
        "An actor handles one message at a time: when receive returns a promise, its next message waits until that promise settles.",
    );
  });

  test("while one actor awaits, other actors go on handling their messages", async () => {
    const { system } = setup();
    const gate = deferred<null>();
    const log: string[] = [];
    const slow = system.spawn<string>("slow", () => ({
      async receive(message) {
        log.push(`slow ${message}`);
        await gate.promise;
      },
    }));
    const fast = system.spawn("fast", logger(log));
    slow.tell("first");
    slow.tell("second");
    system.drain(); // "slow" is now awaiting its first message
    fast.tell("a");
    fast.tell("b");
    await flushPromises();
    ensure(
      log.includes("a") && log.includes("b"),
      `while "slow" awaited its first message, "fast" had handled ${JSON.stringify(log.filter((e) => !e.startsWith("slow")))} of ["a","b"]: ` +
        "only the awaiting actor waits; other actors must not wait for it (one message at a time per actor, not per system).",
    );
    expect(log).not.toContain("slow second");
    gate.resolve(null);
    await settled(system);
    expect(log).toContain("slow second");
  });

  test("an actor with a long mailbox takes turns: at most 32 of its messages run while another actor waits", () => {
    const { system } = setup();
    const log: string[] = [];
    const chatty = system.spawn<number>("chatty", () => ({
      receive(n) {
        log.push(`chatty ${n}`);
      },
    }));
    const quiet = system.spawn("quiet", logger(log));
    for (let n = 0; n < 100; n++) chatty.tell(n);
    quiet.tell("quiet");
    expect(system.drain()).toBe(101);
    const waited = log.indexOf("quiet");
    ensure(
      waited >= 0 && waited <= 32,
      `"quiet" had one message waiting behind "chatty"'s 100 and ran after ${waited} of them: an actor's turn is at most 32 messages, ` +
        "then it goes to the back of the queue of actors with mail. A loop that empties one mailbox before the next lets one busy actor starve the rest.",
    );
  });

  test("a tell to itself from inside receive runs after the current message, never inside it", () => {
    const { system } = setup();
    const log: string[] = [];
    const ref = system.spawn<number>("echo", () => ({
      receive(n, context) {
        log.push(`start ${n}`);
        if (n < 3) context.self.tell(n + 1);
        log.push(`end ${n}`);
      },
    }));
    ref.tell(1);
    system.drain();
    expect(log).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
  });

  test("settle() waits for async handlers in flight, and resolves at once when nothing is left", async () => {
    const { system } = setup();
    await settled(system);
    const gate = deferred<null>();
    let finished = false;
    system
      .spawn("waiter", () => ({
        async receive() {
          await gate.promise;
          finished = true;
        },
      }))
      .tell("go");
    const waiting = track(system.settle());
    await flushPromises();
    ensure(!waiting.settled, "settle() resolved while a handler's promise was still pending: it must wait for it");
    gate.resolve(null);
    await settled(system);
    expect(finished).toBe(true);
  });
});

describe("ask: request-reply with a timeout", () => {
  test("ask resolves with the reply", async () => {
    const { scheduler, system } = setup();
    const ref = system.spawn("counter", counter({ count: 0 }));
    ref.tell({ type: "add", n: 5 });
    ref.tell({ type: "add", n: 2 });
    expect(await answersOf(scheduler, [getCount(ref)])).toEqual([7]);
  });

  test("an actor can keep a ReplyTo and answer later, while handling another message", async () => {
    const { system } = setup();
    type LockMessage = { type: "acquire"; replyTo: ReplyTo<string> } | { type: "release" };
    const lock = system.spawn<LockMessage>("lock", () => {
      const waiting: ReplyTo<string>[] = [];
      return {
        receive(message) {
          if (message.type === "acquire") waiting.push(message.replyTo);
          else waiting.shift()?.reply("granted");
        },
      };
    });
    const answer = track(lock.ask<string>((replyTo) => ({ type: "acquire", replyTo }), 100));
    await settled(system);
    expect(answer.settled).toBe(false);
    lock.tell({ type: "release" });
    await settled(system);
    expect(answer.value).toBe("granted");
  });

  test("an unanswered ask rejects with ASK_TIMEOUT exactly timeoutMs after it was made", async () => {
    const { scheduler, system } = setup();
    const ref = system.spawn("silent", () => ({
      receive() {
        /* never answers */
      },
    }));
    scheduler.advance(250); // the clock does not start at the ask
    const answer = track(ref.ask((_replyTo) => "hello?", 100));
    await settled(system);
    scheduler.advance(99);
    await flushPromises();
    ensure(
      !answer.settled,
      "an ask made at t=250 with timeoutMs 100 had settled at t=349: it must wait until exactly t=350 (the timeout is counted from the ask, on the system's scheduler)",
    );
    scheduler.advance(1);
    await flushPromises();
    ensure(
      answer.settled,
      "an ask made at t=250 with timeoutMs 100 was still waiting at t=350: it must reject with ASK_TIMEOUT exactly timeoutMs after it was made",
    );
    expect(codeOfError(answer.error)).toBe("ASK_TIMEOUT");
    const message = (answer.error as Error).message;
    ensure(
      message.includes("silent") && message.includes("100"),
      `the timeout said ${JSON.stringify(message)}: name the actor asked and the timeout, so one log line says which call was too slow`,
    );
  });

  test("a reply after the timeout is dropped as a dead letter; a later ask gets its own reply, not the late one", async () => {
    const { scheduler, system } = setup();
    type SlowMessage = { type: "question"; id: number; replyTo: ReplyTo<string> } | { type: "answer-all" };
    const ref = system.spawn<SlowMessage>("slow-service", () => {
      const questions: { id: number; replyTo: ReplyTo<string> }[] = [];
      return {
        receive(message) {
          if (message.type === "question") questions.push(message);
          else for (const question of questions.splice(0)) question.replyTo.reply(`answer-${question.id}`);
        },
      };
    });
    const first = track(ref.ask<string>((replyTo) => ({ type: "question", id: 1, replyTo }), 100));
    await settled(system);
    scheduler.advance(100);
    await flushPromises();
    expect(codeOfError(first.error)).toBe("ASK_TIMEOUT");
    const second = track(ref.ask<string>((replyTo) => ({ type: "question", id: 2, replyTo }), 100));
    ref.tell({ type: "answer-all" }); // answers question 1 (too late), then question 2
    await settled(system);
    ensure(
      second.value === "answer-2",
      `the second ask got ${JSON.stringify(second.value ?? second.error)}, but the actor answered it "answer-2"` +
        (second.value === "answer-1"
          ? ': a late reply ("answer-1", to the ask that timed out) resolved a later ask. Each ask has its own ReplyTo; a reply settles only the ask it was made for, and a reply to an ask that timed out is dropped.'
          : "."),
    );
    const lateLetters = system.deadLetters.filter((letter) => letter.reason === "ask-closed");
    ensure(
      lateLetters.length === 1 && lateLetters[0]?.message === "answer-1" && lateLetters[0]?.to === "slow-service",
      `dead letters after the late reply: ${JSON.stringify(system.deadLetters)}; expected one { to: "slow-service", message: "answer-1", reason: "ask-closed" }`,
    );
  });

  test("an ask leaves no timer behind once answered, nor once timed out", async () => {
    const { scheduler, system } = setup();
    const ref = system.spawn("counter", counter({ count: 0 }));
    expect(
      await answersOf(
        scheduler,
        [0, 1, 2, 3, 4].map(() => getCount(ref)),
      ),
    ).toEqual([0, 0, 0, 0, 0]);
    ensure(
      scheduler.pendingTimers() === 0,
      `after 5 answered asks, ${scheduler.pendingTimers()} timers were still pending: cancel an ask's timer when it is answered. ` +
        "A timer still pending after the reply keeps a real process alive for the whole timeout, and a million asks leave a million timers.",
    );
    const silent = system.spawn("silent", () => ({
      receive() {
        /* never answers */
      },
    }));
    const answer = track(silent.ask((_replyTo) => "ping", 50));
    scheduler.advance(50);
    await flushPromises();
    expect(codeOfError(answer.error)).toBe("ASK_TIMEOUT");
    expect(scheduler.pendingTimers()).toBe(0);
  });

  test("only the first reply counts; a second reply to the same ask is a dead letter", async () => {
    const { system } = setup();
    const ref = system.spawn<ReplyTo<string>>("twice", () => ({
      receive(replyTo) {
        replyTo.reply("first");
        replyTo.reply("second");
      },
    }));
    expect(await ref.ask<string>((replyTo) => replyTo, 100)).toBe("first");
    expect(system.deadLetters).toEqual([{ to: "twice", message: "second", reason: "ask-closed" }]);
  });

  test("an ask whose message makes the actor throw rejects at once with ACTOR_FAILED, with the error as its cause", async () => {
    const { system } = setup();
    const ref = system.spawn("counter", counter({ count: 0 }));
    const cause = track(ref.ask((_replyTo) => ({ type: "boom" }) as CounterMessage, 60_000));
    await settled(system);
    ensure(
      cause.settled,
      "the actor threw while handling the ask's message, and the ask was still waiting: reject it at once with ACTOR_FAILED (no reply can come from a handler that failed)",
    );
    expect(codeOfError(cause.error)).toBe("ACTOR_FAILED");
    expect(((cause.error as Error).cause as Error).message).toBe("boom");
  });
});

describe("supervision: restarts", () => {
  test("a failed actor restarts with fresh state from its factory; the message that failed is not retried", async () => {
    const { scheduler, system } = setup();
    const made = { count: 0 };
    const ref = system.spawn("counter", counter(made));
    ref.tell({ type: "add", n: 40 });
    ref.tell({ type: "boom" });
    ref.tell({ type: "add", n: 2 });
    const [count] = await answersOf(scheduler, [getCount(ref)]);
    ensure(
      made.count === 2 && count === 2,
      `after add 40, a failure, then add 2, the counter read ${count} and its factory had been called ${made.count} times: ` +
        (count === 42
          ? "the restarted actor kept the old state. A restart calls the factory again, so the new instance starts from a clean state."
          : "expected 2 calls (spawn, restart) and a count of 2."),
    );
  });

  test("the messages queued behind the failing one are handled by the restarted actor, in order", () => {
    const { system } = setup();
    const log: unknown[] = [];
    const ref = system.spawn("printer", logger(log));
    for (const message of ["a", "boom", "b", "c"]) ref.tell(message);
    system.drain();
    ensure(
      JSON.stringify(log) === JSON.stringify(["a", "b", "c"]),
      `the actor logged ${JSON.stringify(log)} from a, boom, b, c: the messages queued behind the failing message must be handled by the restarted actor ` +
        "(the mailbox survives the restart; only the failed message itself is dropped).",
    );
  });

  test("an actor that throws does not stop other actors' messages", () => {
    const { system } = setup();
    const log: unknown[] = [];
    const faulty = system.spawn("faulty", logger([]));
    const healthy = system.spawn("healthy", logger(log));
    faulty.tell("boom");
    healthy.tell("hello");
    let escaped: unknown;
    try {
      system.drain();
    } catch (error) {
      escaped = error;
    }
    ensure(
      escaped === undefined && log.includes("hello"),
      (escaped === undefined ? "" : `drain() threw ${String(escaped)}; `) +
        `"healthy" had handled ${JSON.stringify(log)}: one actor's exception goes to its supervisor and must not stop other actors' messages (catch around every receive call).`,
    );
  });

  test("a rejected promise from an async handler is a failure like a throw", async () => {
    const { system } = setup();
    const made = { count: 0 };
    const ref = system.spawn<string>("async-worker", () => {
      made.count++;
      return {
        async receive(message) {
          await Promise.resolve();
          if (message === "boom") throw new Error("boom");
        },
      };
    });
    ref.tell("boom");
    await settled(system);
    expect(made.count).toBe(2);
  });

  test("one-for-one restarts only the child that failed", async () => {
    const { scheduler, system } = setup();
    const supervisor = system.supervisor("counters", { strategy: "one-for-one", maxRestarts: 3, withinMs: 1_000 });
    const made = { count: 0 };
    const a = supervisor.spawn("a", counter(made));
    const b = supervisor.spawn("b", counter(made));
    a.tell({ type: "add", n: 1 });
    b.tell({ type: "add", n: 10 });
    a.tell({ type: "boom" });
    expect(await answersOf(scheduler, [getCount(a), getCount(b)])).toEqual([0, 10]);
    expect(made.count).toBe(3);
  });

  test("all-for-one restarts every child, each with fresh state", async () => {
    const { scheduler, system } = setup();
    const supervisor = system.supervisor("pipeline", { strategy: "all-for-one", maxRestarts: 3, withinMs: 1_000 });
    const made = { count: 0 };
    const refs = ["parse", "enrich", "store"].map((name) => supervisor.spawn(name, counter(made)));
    for (const ref of refs) ref.tell({ type: "add", n: 5 });
    system.drain();
    refs[1]?.tell({ type: "boom" });
    system.drain();
    refs[2]?.tell({ type: "add", n: 1 });
    const counts = await answersOf(
      scheduler,
      refs.map((ref) => getCount(ref)),
    );
    ensure(
      made.count === 6 && JSON.stringify(counts) === JSON.stringify([0, 0, 1]),
      `after "enrich" failed, the children read ${JSON.stringify(counts)} (parse, enrich, store) and the factories ran ${made.count} times in all: ` +
        "all-for-one restarts every child with fresh state (3 spawns + 3 restarts; counts 0, 0, and 1 from the add told after the failure).",
    );
  });

  test("past maxRestarts within withinMs the supervisor gives up: it stops every child, and later tells go to dead letters", () => {
    const { scheduler, system } = setup();
    const supervisor = system.supervisor("flaky", { strategy: "one-for-one", maxRestarts: 2, withinMs: 1_000 });
    const made = { count: 0 };
    const flaky = supervisor.spawn("flaky-child", counter(made));
    const sibling = supervisor.spawn("sibling", counter(made));
    for (const at of [0, 500]) {
      scheduler.advance(at - scheduler.now());
      flaky.tell({ type: "boom" });
      system.drain();
      ensure(!supervisor.isStopped, `the supervisor gave up at t=${at} after fewer than maxRestarts (2) restarts`);
    }
    scheduler.advance(999 - scheduler.now());
    flaky.tell({ type: "boom" });
    system.drain();
    ensure(
      supervisor.isStopped && flaky.isStopped && sibling.isStopped,
      "a third failure at t=999, with restarts at 0 and 500 within the last 1000 ms: the supervisor must give up, stopping itself and every child " +
        `(isStopped: supervisor ${supervisor.isStopped}, flaky-child ${flaky.isStopped}, sibling ${sibling.isStopped})`,
    );
    expect(supervisor.children()).toEqual([]);
    sibling.tell({ type: "add", n: 1 });
    expect(system.deadLetters).toEqual([{ to: "sibling", message: { type: "add", n: 1 }, reason: "actor-stopped" }]);
  });

  test("the restart limit is a sliding window: a restart exactly withinMs ago no longer counts", () => {
    const { scheduler, system } = setup();
    const supervisor = system.supervisor("window", { strategy: "one-for-one", maxRestarts: 2, withinMs: 1_000 });
    const ref = supervisor.spawn("child", counter({ count: 0 }));
    const failAt = (at: number): void => {
      scheduler.advance(at - scheduler.now());
      ref.tell({ type: "boom" });
      system.drain();
    };
    failAt(0);
    failAt(900);
    failAt(1_000);
    ensure(
      !supervisor.isStopped,
      "failures at 0, 900 and 1000 with maxRestarts 2 within 1000 ms: at t=1000 the supervisor gave up, but the restart at 0 was exactly withinMs ago " +
        "and no longer counts (a restart at t counts while now - t < withinMs), so only one restart (at 900) was in the window.",
    );
    failAt(1_100);
    ensure(
      supervisor.isStopped,
      "failures at 0, 900, 1000 and 1100 with maxRestarts 2 within 1000 ms: at t=1100 the restarts at 900 and 1000 were both in the last 1000 ms, so the supervisor must give up. " +
        "Count restarts in a sliding window over the last withinMs, not in fixed windows that start afresh.",
    );
  });

  test("failures spread wider than the window are restarted forever", () => {
    const { scheduler, system } = setup();
    const supervisor = system.supervisor("patient", { strategy: "one-for-one", maxRestarts: 2, withinMs: 1_000 });
    const made = { count: 0 };
    const ref = supervisor.spawn("child", counter(made));
    for (let i = 1; i <= 10; i++) {
      scheduler.advance(600);
      ref.tell({ type: "boom" });
      system.drain();
      ensure(
        !supervisor.isStopped,
        `failures every 600 ms with maxRestarts 2 within 1000 ms: the supervisor gave up at failure #${i} (t=${scheduler.now()}), ` +
          "but never more than 2 restarts fell within any 1000 ms. Restarts older than withinMs must leave the window; the limit is not a lifetime total.",
      );
    }
    expect(made.count).toBe(11);
  });
});

describe("stopping and dead letters", () => {
  test("tells to a stopped actor go to dead letters, counted and kept", () => {
    const { system } = setup();
    const log: unknown[] = [];
    const ref = system.spawn("printer", logger(log));
    ref.stop();
    expect(ref.isStopped).toBe(true);
    ref.tell("one");
    ref.tell("two");
    system.drain();
    expect(log).toEqual([]);
    expect(system.deadLetters).toEqual([
      { to: "printer", message: "one", reason: "actor-stopped" },
      { to: "printer", message: "two", reason: "actor-stopped" },
    ]);
  });

  test("stopping sends the mailbox's messages to dead letters; an ask among them rejects at once with ACTOR_STOPPED", async () => {
    const { scheduler, system } = setup();
    const ref = system.spawn("counter", counter({ count: 0 }));
    ref.tell({ type: "add", n: 1 });
    const answer = track(getCount(ref));
    ref.stop();
    await flushPromises();
    ensure(
      answer.settled && codeOfError(answer.error) === "ACTOR_STOPPED",
      `an ask queued when its actor stopped ${answer.settled ? `settled with ${String(answer.error ?? answer.value)}` : "was still waiting"}: ` +
        "its message will never be handled, so reject it at once with ACTOR_STOPPED instead of letting it wait for the timeout.",
    );
    expect(system.deadLetters.map((letter) => letter.reason)).toEqual(["actor-stopped", "actor-stopped"]);
    expect(scheduler.pendingTimers()).toBe(0);
  });

  test("an ask to a stopped actor rejects at once with ACTOR_STOPPED", async () => {
    const { scheduler, system } = setup();
    const ref = system.spawn("counter", counter({ count: 0 }));
    ref.stop();
    const answer = track(getCount(ref));
    await flushPromises();
    expect(codeOfError(answer.error)).toBe("ACTOR_STOPPED");
    expect(scheduler.pendingTimers()).toBe(0);
  });

  test("a ref to a stopped actor never reaches a new actor spawned under the same name", () => {
    const { system } = setup();
    const oldLog: unknown[] = [];
    const newLog: unknown[] = [];
    const old = system.spawn("session", logger(oldLog));
    old.stop();
    const fresh = system.spawn("session", logger(newLog));
    old.tell("for the old session");
    fresh.tell("for the new session");
    system.drain();
    ensure(
      JSON.stringify(newLog) === JSON.stringify(["for the new session"]),
      `the new "session" handled ${JSON.stringify(newLog)}: a stale ref (to the stopped actor of that name) reached the new actor. ` +
        "A ref names one actor for its whole life; a message to a stopped actor is a dead letter, whatever now bears its name.",
    );
    expect(system.deadLetters).toEqual([{ to: "session", message: "for the old session", reason: "actor-stopped" }]);
  });

  test("a handler running when its actor stops finishes, and nothing after it runs", async () => {
    const { system } = setup();
    const gate = deferred<null>();
    const log: string[] = [];
    const ref = system.spawn<string>("worker", () => ({
      async receive(message) {
        log.push(`start ${message}`);
        await gate.promise;
        log.push(`end ${message}`);
      },
    }));
    ref.tell("one");
    ref.tell("two");
    system.drain();
    ref.stop();
    gate.resolve(null);
    await settled(system);
    expect(log).toEqual(["start one", "end one"]);
    expect(system.deadLetters).toEqual([{ to: "worker", message: "two", reason: "actor-stopped" }]);
  });
});

describe("broadcast", () => {
  test("broadcast tells every member once, in order with their other messages; a stopped member's copy is a dead letter", () => {
    const { system } = setup();
    const logs = [[], [], []] as unknown[][];
    const refs = logs.map((log, i) => system.spawn(`room-${i}`, logger(log)));
    refs[1]?.stop();
    refs[0]?.tell("before");
    expect(system.broadcast([...refs, refs[0] as ActorRef<unknown>], "announcement")).toBe(2);
    refs[0]?.tell("after");
    system.drain();
    expect(logs).toEqual([["before", "announcement", "after"], [], ["announcement"]]);
    expect(system.deadLetters).toEqual([{ to: "room-1", message: "announcement", reason: "actor-stopped" }]);
  });
});

describe("bad input gets an ActorError with a code", () => {
  test.each([[""], [42], [undefined]])("the actor name %p is refused with INVALID_NAME", (name) => {
    const { system } = setup();
    expect(codeOf(ActorError, () => system.spawn(name as string, logger([])))).toBe("INVALID_NAME");
  });

  test("a name in use is refused with DUPLICATE_NAME, which names it; once its actor stops, the name is free again", () => {
    const { system } = setup();
    const first = system.spawn("billing", logger([]));
    const message = messageOf(ActorError, () => system.spawn("billing", logger([])));
    expect(
      codeOf(ActorError, () => system.supervisor("billing", { strategy: "one-for-one", maxRestarts: 1, withinMs: 1 })),
    ).toBe("DUPLICATE_NAME");
    expect(message).toContain('"billing"');
    first.stop();
    expect(system.spawn("billing", logger([])).name).toBe("billing");
  });

  test("a factory that is not a function, or that makes no actor, is refused with INVALID_FACTORY, and the name stays free", () => {
    const { system } = setup();
    expect(codeOf(ActorError, () => system.spawn("x", "nope" as unknown as () => Actor<unknown>))).toBe(
      "INVALID_FACTORY",
    );
    expect(codeOf(ActorError, () => system.spawn("x", () => ({}) as Actor<unknown>))).toBe("INVALID_FACTORY");
    expect(system.spawn("x", logger([])).name).toBe("x");
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    "an ask timeout of %p is refused with INVALID_TIMEOUT, and nothing is sent",
    (timeoutMs) => {
      const { scheduler, system } = setup();
      const ref = system.spawn("counter", counter({ count: 0 }));
      expect(
        codeOf(ActorError, () => ref.ask((replyTo: ReplyTo<number>) => ({ type: "get", replyTo }), timeoutMs)),
      ).toBe("INVALID_TIMEOUT");
      expect(system.drain()).toBe(0);
      expect(scheduler.pendingTimers()).toBe(0);
    },
  );

  test.each([
    ["strategy", "rest-for-one", { strategy: "rest-for-one", maxRestarts: 1, withinMs: 1_000 }],
    ["maxRestarts", -1, { strategy: "one-for-one", maxRestarts: -1, withinMs: 1_000 }],
    ["maxRestarts", 1.5, { strategy: "one-for-one", maxRestarts: 1.5, withinMs: 1_000 }],
    ["withinMs", 0, { strategy: "one-for-one", maxRestarts: 1, withinMs: 0 }],
    [
      "withinMs",
      Number.POSITIVE_INFINITY,
      { strategy: "all-for-one", maxRestarts: 1, withinMs: Number.POSITIVE_INFINITY },
    ],
  ])(
    "supervisor options with %s %p are refused with INVALID_SUPERVISOR_OPTIONS, naming the field",
    (field, _value, options) => {
      const { system } = setup();
      const act = (): unknown => system.supervisor("sup", options as never);
      expect(codeOf(ActorError, act)).toBe("INVALID_SUPERVISOR_OPTIONS");
      expect(messageOf(ActorError, act)).toContain(field);
      expect(system.supervisor("sup", { strategy: "one-for-one", maxRestarts: 0, withinMs: 1 }).name).toBe("sup");
    },
  );

  test("a stopped supervisor refuses to spawn with SUPERVISOR_STOPPED", () => {
    const { system } = setup();
    const supervisor = system.supervisor("sup", { strategy: "one-for-one", maxRestarts: 1, withinMs: 1_000 });
    supervisor.stop();
    expect(codeOf(ActorError, () => supervisor.spawn("child", logger([])))).toBe("SUPERVISOR_STOPPED");
  });

  test("broadcast to something that is not a group of refs is refused with INVALID_GROUP, and nothing is sent", () => {
    const { system } = setup();
    const ref = system.spawn("member", logger([]));
    expect(codeOf(ActorError, () => system.broadcast(42 as unknown as ActorRef<unknown>[], "x"))).toBe("INVALID_GROUP");
    expect(codeOf(ActorError, () => system.broadcast([ref, "member" as unknown as ActorRef<unknown>], "x"))).toBe(
      "INVALID_GROUP",
    );
    expect(system.drain()).toBe(0);
  });

  test("a scheduler without now() and setTimer() is refused with INVALID_SCHEDULER", () => {
    expect(codeOf(ActorError, () => new ActorSystem({ scheduler: {} as ManualScheduler }))).toBe("INVALID_SCHEDULER");
  });
});
