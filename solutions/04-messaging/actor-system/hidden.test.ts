/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
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

type GatedMessage = CounterMessage | { type: "slow-add"; n: number; fail?: boolean };

function gatedCounter(made: { count: number }, gate: Promise<unknown>): () => Actor<GatedMessage> {
  return () => {
    made.count++;
    let count = 0;
    return {
      async receive(message) {
        if (message.type === "slow-add") {
          await gate;
          if (message.fail === true) throw new Error("slow failure");
          count += message.n;
        } else if (message.type === "add") count += message.n;
        else if (message.type === "get") message.replyTo.reply(count);
        else throw new Error("boom");
      },
    };
  };
}

describe("hidden: restarts and in-flight work", () => {
  test("all-for-one: a sibling busy in an async handler finishes it, then handles its queued messages with fresh state", async () => {
    const { scheduler, system } = setup();
    const gate = deferred<null>();
    const supervisor = system.supervisor("pair", { strategy: "all-for-one", maxRestarts: 5, withinMs: 1_000 });
    const made = { count: 0 };
    const failing = supervisor.spawn("failing", gatedCounter(made, gate.promise));
    const busy = supervisor.spawn("busy", gatedCounter(made, gate.promise));
    busy.tell({ type: "add", n: 100 });
    busy.tell({ type: "slow-add", n: 1 });
    busy.tell({ type: "add", n: 7 }); // queued while busy awaits: must survive the restart
    await flushPromises(); // "busy" is now awaiting the gate in its slow-add
    failing.tell({ type: "boom" });
    await flushPromises();
    ensure(
      made.count === 4,
      `after "failing" failed under all-for-one the factories ran ${made.count} times; expected 4`,
    );
    gate.resolve(null);
    await settled(system);
    const [count] = await answersOf(scheduler, [getCount(busy as ActorRef<CounterMessage>)]);
    ensure(
      count === 7,
      `"busy" reads ${count}: its in-flight slow-add finished on the old instance, and the add queued behind it was handled by the restarted (fresh) instance, so 7`,
    );
  });

  test("a failure of an instance that a restart already replaced is not counted against the new one", async () => {
    const { system } = setup();
    const gate = deferred<null>();
    const supervisor = system.supervisor("pair", { strategy: "all-for-one", maxRestarts: 1, withinMs: 60_000 });
    const made = { count: 0 };
    const failing = supervisor.spawn("failing", gatedCounter(made, gate.promise));
    const busy = supervisor.spawn("busy", gatedCounter(made, gate.promise));
    busy.tell({ type: "slow-add", n: 1, fail: true });
    await flushPromises(); // "busy" is now awaiting the gate
    failing.tell({ type: "boom" });
    await flushPromises();
    expect(made.count).toBe(4);
    gate.resolve(null);
    await settled(system);
    ensure(
      !supervisor.isStopped && made.count === 4,
      `the old instance of "busy" failed after a restart had replaced it, and the supervisor ${supervisor.isStopped ? "gave up" : "restarted again"}: ` +
        "that instance no longer exists, so its failure is not the new instance's and must not restart or count.",
    );
  });

  test("a factory that throws during a restart stops the actor, and its mail goes to dead letters", () => {
    const { system } = setup();
    let calls = 0;
    const ref = system.spawn<string>("fragile", () => {
      calls++;
      if (calls > 1) throw new Error("cannot start again");
      return {
        receive(message) {
          if (message === "boom") throw new Error("boom");
        },
      };
    });
    ref.tell("boom");
    ref.tell("after");
    system.drain();
    expect(ref.isStopped).toBe(true);
    expect(system.deadLetters).toEqual([{ to: "fragile", message: "after", reason: "actor-stopped" }]);
  });

  test("a factory that makes no actor during a restart stops the actor too", () => {
    const { system } = setup();
    let calls = 0;
    const ref = system.spawn<string>("fragile", () => {
      calls++;
      return (calls > 1 ? null : { receive: () => Promise.reject(new Error("x")) }) as Actor<string>;
    });
    ref.tell("x");
    return settled(system).then(() => expect(ref.isStopped).toBe(true));
  });

  test("an error thrown by the factory at spawn is thrown as it is, and the name stays free", () => {
    const { system } = setup();
    const failure = new Error("no database");
    expect(() =>
      system.spawn("db", () => {
        throw failure;
      }),
    ).toThrow(failure);
    expect(system.spawn("db", logger([])).name).toBe("db");
  });

  test("actors spawned by the system are restarted one-for-one, without limit", async () => {
    const { scheduler, system } = setup();
    const made = { count: 0 };
    const a = system.spawn("a", counter(made));
    const b = system.spawn("b", counter(made));
    b.tell({ type: "add", n: 9 });
    for (let i = 0; i < 20; i++) a.tell({ type: "boom" });
    system.drain();
    expect(made.count).toBe(22);
    expect(await answersOf(scheduler, [getCount(a), getCount(b)])).toEqual([0, 9]);
  });

  test("maxRestarts 0: the first failure makes the supervisor give up", () => {
    const { system } = setup();
    const supervisor = system.supervisor("strict", { strategy: "one-for-one", maxRestarts: 0, withinMs: 1_000 });
    const ref = supervisor.spawn("child", logger([]));
    ref.tell("boom");
    system.drain();
    expect(supervisor.isStopped).toBe(true);
    expect(ref.isStopped).toBe(true);
  });

  test("the restart window reads the scheduler's clock, wherever it starts", () => {
    const { scheduler, system } = setup();
    scheduler.advance(5_000);
    const supervisor = system.supervisor("late", { strategy: "one-for-one", maxRestarts: 1, withinMs: 1_000 });
    const ref = supervisor.spawn("child", logger([]));
    ref.tell("boom");
    system.drain();
    scheduler.advance(999);
    ref.tell("boom");
    system.drain();
    expect(supervisor.isStopped).toBe(true);
    const again = system.supervisor("later", { strategy: "one-for-one", maxRestarts: 1, withinMs: 1_000 });
    const child = again.spawn("child-2", logger([]));
    child.tell("boom");
    system.drain();
    scheduler.advance(1_000);
    child.tell("boom");
    system.drain();
    expect(again.isStopped).toBe(false);
  });

  test("giving up rejects the asks queued in the children's mailboxes with ACTOR_STOPPED", async () => {
    const { system } = setup();
    const supervisor = system.supervisor("sup", { strategy: "one-for-one", maxRestarts: 0, withinMs: 1_000 });
    const made = { count: 0 };
    const ref = supervisor.spawn("child", counter(made));
    ref.tell({ type: "boom" });
    const answer = track(getCount(ref));
    await flushPromises();
    expect(codeOfError(answer.error)).toBe("ACTOR_STOPPED");
    expect(system.deadLetters).toHaveLength(1);
  });

  test("all-for-one does not bring back a child that was stopped", () => {
    const { system } = setup();
    const supervisor = system.supervisor("sup", { strategy: "all-for-one", maxRestarts: 3, withinMs: 1_000 });
    const made = { count: 0 };
    const a = supervisor.spawn("a", counter(made));
    const b = supervisor.spawn("b", counter(made));
    b.stop();
    expect(supervisor.children()).toEqual(["a"]);
    a.tell({ type: "boom" });
    system.drain();
    expect(made.count).toBe(3);
    expect(b.isStopped).toBe(true);
  });

  test("a rejected async handler of an ask rejects it with ACTOR_FAILED and its error as the cause", async () => {
    const { system } = setup();
    const ref = system.spawn<{ replyTo: ReplyTo<number> }>("async-failing", () => ({
      async receive() {
        await Promise.resolve();
        throw new Error("disk full");
      },
    }));
    const answer = track(ref.ask<number>((replyTo) => ({ replyTo }), 60_000));
    await settled(system);
    expect(codeOfError(answer.error)).toBe("ACTOR_FAILED");
    const error = answer.error as ActorError;
    expect(error.message).toContain("async-failing");
    expect(error.message).toContain("disk full");
    expect((error.cause as Error).message).toBe("disk full");
  });

  test("the ACTOR_FAILED message shows a thrown value that is not an Error", async () => {
    const { system } = setup();
    const ref = system.spawn<ReplyTo<number>>("thrower", () => ({
      receive() {
        throw { reason: "quota" };
      },
    }));
    const answer = track(ref.ask<number>((replyTo) => replyTo, 1_000));
    await settled(system);
    expect((answer.error as Error).message).toContain('{"reason":"quota"}');
  });
});

describe("hidden: asks", () => {
  test("an ask whose makeMessage throws rejects with that error; nothing is sent and no timer is left", async () => {
    const { scheduler, system } = setup();
    const log: unknown[] = [];
    const ref = system.spawn("printer", logger(log));
    const failure = new Error("cannot build");
    const answer = track(
      ref.ask(() => {
        throw failure;
      }, 100),
    );
    await flushPromises();
    expect(answer.error).toBe(failure);
    expect(system.drain()).toBe(0);
    expect(scheduler.pendingTimers()).toBe(0);
  });

  test("an actor that asks another and awaits the answer gets it", async () => {
    const { scheduler, system } = setup();
    const made = { count: 0 };
    const store = system.spawn("store", counter(made));
    store.tell({ type: "add", n: 3 });
    interface FrontMessage {
      type: "double";
      replyTo: ReplyTo<number>;
    }
    const front = system.spawn<FrontMessage>("front", () => ({
      async receive(message) {
        const count = await getCount(store);
        message.replyTo.reply(count * 2);
      },
    }));
    expect(await answersOf(scheduler, [front.ask<number>((replyTo) => ({ type: "double", replyTo }), 1_000)])).toEqual([
      6,
    ]);
  });

  test("an actor that asks itself waits for its own timeout: its next message cannot start while it awaits", async () => {
    const { scheduler, system } = setup();
    type SelfMessage = { type: "outer"; replyTo: ReplyTo<string> } | { type: "inner"; replyTo: ReplyTo<string> };
    const ref = system.spawn<SelfMessage>("narcissus", () => ({
      async receive(message, context) {
        if (message.type === "inner") {
          message.replyTo.reply("inner");
          return;
        }
        try {
          await context.self.ask<string>((replyTo) => ({ type: "inner", replyTo }), 200);
          message.replyTo.reply("answered");
        } catch (error) {
          message.replyTo.reply(codeOfError(error));
        }
      },
    }));
    const answer = track(ref.ask<string>((replyTo) => ({ type: "outer", replyTo }), 1_000));
    await flushPromises();
    expect(answer.settled).toBe(false);
    scheduler.advance(200);
    await settled(system);
    expect(answer.value).toBe("ASK_TIMEOUT");
    expect(system.deadLetters).toEqual([{ to: "narcissus", message: "inner", reason: "ask-closed" }]);
  });

  test("asks to several actors at once each get their own answer", async () => {
    const { scheduler, system } = setup();
    const made = { count: 0 };
    const refs = Array.from({ length: 20 }, (_, i) => {
      const ref = system.spawn(`counter-${i}`, counter(made));
      ref.tell({ type: "add", n: i });
      return ref;
    });
    const answers = await answersOf(
      scheduler,
      refs.flatMap((ref) => [getCount(ref), getCount(ref)]),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => [i, i]).flat());
  });

  test("the handler of an ask that is running when its actor stops can still answer it", async () => {
    const { system } = setup();
    const gate = deferred<null>();
    const ref = system.spawn<ReplyTo<string>>("finisher", () => ({
      async receive(replyTo) {
        await gate.promise;
        replyTo.reply("done");
      },
    }));
    const answer = track(ref.ask<string>((replyTo) => replyTo, 1_000));
    system.drain();
    ref.stop();
    gate.resolve(null);
    await settled(system);
    expect(answer.value).toBe("done");
  });

  test("the ACTOR_STOPPED message names the actor", async () => {
    const { system } = setup();
    const ref = system.spawn("gone", counter({ count: 0 }));
    ref.stop();
    const answer = track(getCount(ref));
    await flushPromises();
    const message = (answer.error as Error).message;
    expect(message).toContain('"gone"');
    expect(message).toMatch(/stopped/);
  });

  test("with the default (real) scheduler an answered ask resolves and clears its timer", async () => {
    const system = new ActorSystem();
    const ref = system.spawn("counter", counter({ count: 0 }));
    ref.tell({ type: "add", n: 1 });
    expect(await getCount(ref, 5_000)).toBe(1);
  });
});

describe("hidden: scheduling", () => {
  test("per-actor order and one-at-a-time hold with many actors whose handlers await a random number of times", async () => {
    const { system } = setup();
    const faker = seededFaker(4242);
    const running = new Set<string>();
    const logs = new Map<string, number[]>();
    const violations: string[] = [];
    const refs = Array.from({ length: 8 }, (_, i) => {
      const name = `w${i}`;
      logs.set(name, []);
      return system.spawn<{ n: number; awaits: number }>(name, () => ({
        async receive({ n, awaits }) {
          if (running.has(name)) violations.push(`${name} started ${n} while busy`);
          running.add(name);
          for (let k = 0; k < awaits; k++) await Promise.resolve();
          logs.get(name)?.push(n);
          running.delete(name);
        },
      }));
    });
    const sent = new Map<string, number[]>(refs.map((ref) => [ref.name, []]));
    for (let n = 0; n < 400; n++) {
      const ref = faker.helpers.arrayElement(refs);
      sent.get(ref.name)?.push(n);
      ref.tell({ n, awaits: faker.number.int({ min: 0, max: 4 }) });
      if (n % 50 === 0) await flushPromises();
    }
    await settled(system);
    ensure(violations.length === 0, `an actor ran two messages at once: ${violations.slice(0, 3).join("; ")}`);
    for (const [name, expected] of sent) expect(logs.get(name)).toEqual(expected);
  });

  test("drain() called from inside a handler does not run that actor's next message inside it", () => {
    const { system } = setup();
    const log: string[] = [];
    const ref = system.spawn<number>("reentrant", () => ({
      receive(n, context) {
        log.push(`start ${n}`);
        if (n === 1) {
          context.self.tell(2);
          system.drain();
        }
        log.push(`end ${n}`);
      },
    }));
    ref.tell(1);
    system.drain();
    expect(log).toEqual(["start 1", "end 1", "start 2", "end 2"]);
  });

  test("an actor that stops itself inside receive handles nothing after, and the rest is dead letters", () => {
    const { system } = setup();
    const log: unknown[] = [];
    const ref = system.spawn<string>("quitter", () => ({
      receive(message, context) {
        log.push(message);
        if (message === "quit") context.self.stop();
      },
    }));
    for (const message of ["a", "quit", "b"]) ref.tell(message);
    system.drain();
    expect(log).toEqual(["a", "quit"]);
    expect(system.deadLetters).toEqual([{ to: "quitter", message: "b", reason: "actor-stopped" }]);
  });

  test("an actor with a long mailbox does not keep others from running in the same drain", () => {
    const { system } = setup();
    const busyLog: unknown[] = [];
    const quietLog: unknown[] = [];
    const busy = system.spawn("busy", logger(busyLog));
    const quiet = system.spawn("quiet", logger(quietLog));
    for (let i = 0; i < 1_000; i++) busy.tell(i);
    quiet.tell("hello");
    expect(system.drain()).toBe(1_001);
    expect(busyLog).toHaveLength(1_000);
    expect(quietLog).toEqual(["hello"]);
  });

  test("many settle() calls all resolve, and a failing async handler does not keep settle() waiting", async () => {
    const { system } = setup();
    const ref = system.spawn<string>("async", () => ({
      async receive(message) {
        await Promise.resolve();
        if (message === "boom") throw new Error("boom");
      },
    }));
    ref.tell("boom");
    ref.tell("fine");
    const waits = [track(system.settle()), track(system.settle()), track(system.settle())];
    await flushPromises();
    expect(waits.every((wait) => wait.settled)).toBe(true);
  });
});

describe("hidden: supervisors and groups", () => {
  test("stop() on a supervisor stops its children and frees every name; it is idempotent", () => {
    const { system } = setup();
    const supervisor = system.supervisor("rooms", { strategy: "one-for-one", maxRestarts: 1, withinMs: 1_000 });
    const refs = ["r1", "r2", "r3"].map((name) => supervisor.spawn(name, logger([])));
    expect(supervisor.children()).toEqual(["r1", "r2", "r3"]);
    expect(supervisor.strategy).toBe("one-for-one");
    refs[1]?.stop();
    expect(supervisor.children()).toEqual(["r1", "r3"]);
    supervisor.stop();
    supervisor.stop();
    expect(supervisor.isStopped).toBe(true);
    expect(refs.every((ref) => ref.isStopped)).toBe(true);
    expect(system.spawn("r1", logger([])).name).toBe("r1");
    expect(system.supervisor("rooms", { strategy: "all-for-one", maxRestarts: 1, withinMs: 1 }).strategy).toBe(
      "all-for-one",
    );
  });

  test("a stopped supervisor's stop() does nothing more: it does not free its name from a newer owner", () => {
    const { system } = setup();
    const options = { strategy: "one-for-one", maxRestarts: 1, withinMs: 1_000 } as const;
    const old = system.supervisor("workers", options);
    old.stop();
    const fresh = system.supervisor("workers", options);
    old.stop();
    expect(codeOf(ActorError, () => system.supervisor("workers", options))).toBe("DUPLICATE_NAME");
    expect(fresh.isStopped).toBe(false);
  });

  test("a stopped actor's stop() does nothing more, and its name is not freed twice", () => {
    const { system } = setup();
    const old = system.spawn("name", logger([]));
    old.stop();
    const fresh = system.spawn("name", logger([]));
    old.stop();
    expect(codeOf(ActorError, () => system.spawn("name", logger([])))).toBe("DUPLICATE_NAME");
    expect(fresh.isStopped).toBe(false);
  });

  test("broadcast accepts any iterable (a Set, a generator); an empty group gets nothing", () => {
    const { system } = setup();
    const logs = [[], []] as unknown[][];
    const refs = logs.map((log, i) => system.spawn(`m${i}`, logger(log)));
    expect(system.broadcast(new Set(refs), "one")).toBe(2);
    function* members(): Generator<ActorRef<unknown>> {
      yield* refs;
    }
    expect(system.broadcast(members(), "two")).toBe(2);
    expect(system.broadcast([], "three")).toBe(0);
    system.drain();
    expect(logs).toEqual([
      ["one", "two"],
      ["one", "two"],
    ]);
  });
});

describe("hidden: what bad input messages say", () => {
  test("INVALID_NAME shows the value given, for actors and supervisors", () => {
    const { system } = setup();
    expect(messageOf(ActorError, () => system.spawn({ id: 7 } as unknown as string, logger([])))).toContain('{"id":7}');
    expect(messageOf(ActorError, () => system.spawn("", logger([])))).toMatch(/actor names are non-empty strings/);
    expect(
      messageOf(ActorError, () =>
        system.supervisor(null as unknown as string, { strategy: "one-for-one", maxRestarts: 1, withinMs: 1 }),
      ),
    ).toMatch(/supervisor names are non-empty strings.*null/);
  });

  test("DUPLICATE_NAME says to pick another name or stop the one that has it", () => {
    const { system } = setup();
    system.spawn("taken", logger([]));
    expect(messageOf(ActorError, () => system.spawn("taken", logger([])))).toMatch(/pick another.*stop/);
  });

  test("INVALID_FACTORY says what was given and what a factory must return", () => {
    const { system } = setup();
    const notFunction = messageOf(ActorError, () => system.spawn("a", 5 as unknown as () => Actor<unknown>));
    expect(notFunction).toContain('"a"');
    expect(notFunction).toContain("number");
    const noActor = messageOf(ActorError, () => system.spawn("b", () => null as unknown as Actor<unknown>));
    expect(noActor).toContain("null");
    expect(noActor).toContain("receive");
    expect(messageOf(ActorError, () => system.spawn("c", () => 3 as unknown as Actor<unknown>))).toContain("number");
  });

  test("INVALID_TIMEOUT names the actor and the value given", () => {
    const { system } = setup();
    const ref = system.spawn("clock", logger([]));
    const message = messageOf(ActorError, () => ref.ask((_replyTo) => "x", "soon" as unknown as number));
    expect(message).toContain('"clock"');
    expect(message).toContain('"soon"');
    expect(message).toMatch(/positive, finite/);
    expect(codeOf(ActorError, () => ref.ask((_replyTo) => "x", -0))).toBe("INVALID_TIMEOUT");
  });

  test("INVALID_SUPERVISOR_OPTIONS names the supervisor, the field and the value", () => {
    const { system } = setup();
    const message = (options: unknown): string =>
      messageOf(ActorError, () => system.supervisor("sup", options as never));
    expect(message(undefined)).toMatch(/"sup".*options must be an object.*undefined/);
    expect(message({ strategy: "one-for-all", maxRestarts: 1, withinMs: 1 })).toContain('"one-for-all"');
    expect(message({ strategy: "one-for-one", maxRestarts: "3", withinMs: 1 })).toMatch(/maxRestarts.*"3"/);
    expect(message({ strategy: "one-for-one", maxRestarts: 3, withinMs: "1s" })).toMatch(/withinMs.*"1s"/);
    expect(
      codeOf(ActorError, () => system.supervisor("sup", { strategy: "one-for-one", maxRestarts: 3, withinMs: -1 })),
    ).toBe("INVALID_SUPERVISOR_OPTIONS");
    expect(
      codeOf(ActorError, () =>
        system.supervisor("sup", { strategy: "one-for-one", maxRestarts: 3, withinMs: Number.NaN }),
      ),
    ).toBe("INVALID_SUPERVISOR_OPTIONS");
  });

  test("SUPERVISOR_STOPPED names the supervisor and the child", () => {
    const { system } = setup();
    const supervisor = system.supervisor("closed", { strategy: "one-for-one", maxRestarts: 1, withinMs: 1 });
    supervisor.stop();
    const message = messageOf(ActorError, () => supervisor.spawn("late-child", logger([])));
    expect(message).toContain('"closed"');
    expect(message).toContain('"late-child"');
  });

  test("INVALID_GROUP shows what was given, and a bad member refuses the whole broadcast", () => {
    const { system } = setup();
    const log: unknown[] = [];
    const ref = system.spawn("member", logger(log));
    expect(messageOf(ActorError, () => system.broadcast(null as unknown as ActorRef<unknown>[], "x"))).toMatch(
      /iterable.*null/,
    );
    expect(
      messageOf(ActorError, () => system.broadcast([ref, { name: "fake" } as unknown as ActorRef<unknown>], "x")),
    ).toMatch(/\{"name":"fake"\}.*nothing was sent/);
    system.drain();
    expect(log).toEqual([]);
  });

  test("INVALID_SCHEDULER shows what was given", () => {
    expect(
      messageOf(ActorError, () => new ActorSystem({ scheduler: { now: () => 0 } as unknown as ManualScheduler })),
    ).toMatch(/setTimer/);
    expect(codeOf(ActorError, () => new ActorSystem({ scheduler: null as unknown as ManualScheduler }))).toBe(
      "INVALID_SCHEDULER",
    );
  });

  test("an INVALID_NAME for a function or a symbol does not crash the message", () => {
    const { system } = setup();
    expect(messageOf(ActorError, () => system.spawn((() => "x") as unknown as string, logger([])))).toContain(
      "a function",
    );
    expect(messageOf(ActorError, () => system.spawn(Symbol("s") as unknown as string, logger([])))).toContain(
      "Symbol(s)",
    );
    const circular: { self?: unknown } = {};
    circular.self = circular;
    expect(messageOf(ActorError, () => system.spawn(circular as unknown as string, logger([])))).toContain(
      "JSON cannot show",
    );
  });
});
