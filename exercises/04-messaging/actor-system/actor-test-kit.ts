/**
 * Given test helpers for actor-system, shared by the visible and the hidden tests: a system on a
 * virtual scheduler, settle() with a lesson when it hangs, asks read without awaiting, and the
 * small actors the tests spawn.
 */
import { ensure, flushPromises } from "#kata/testing";
import { ActorError } from "./src/errors";
import { ManualScheduler } from "./src/scheduler";
import { ActorSystem, type Actor, type ActorRef, type ReplyTo } from "./src/actor-system";

export function setup(): { scheduler: ManualScheduler; system: ActorSystem } {
  const scheduler = new ManualScheduler();
  return { scheduler, system: new ActorSystem({ scheduler }) };
}

/** Awaits system.settle(), failing with a lesson if it has not resolved once every queued reaction ran. */
export async function settled(system: ActorSystem): Promise<void> {
  let done = false;
  void system.settle().then(() => {
    done = true;
  });
  for (let turn = 0; turn < 3 && !done; turn++) await flushPromises();
  ensure(
    done,
    "system.settle() had not resolved although every pending promise reaction had run and no handler was waiting on anything: " +
      "settle() resolves once no actor has mail it is free to handle and no async handler is unsettled.",
  );
}

/** What a promise came to, readable without awaiting it (and without an unhandled rejection). */
export function track<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

export function codeOfError(error: unknown): string {
  return error instanceof ActorError ? error.code : `not an ActorError (${String(error)})`;
}

/**
 * The answers to asks, without ever hanging the test: runs what can run, then lets the asks'
 * timeouts pass on the virtual clock. An ask that got no answer shows as a string saying why.
 */
export async function answersOf<T>(scheduler: ManualScheduler, asks: Promise<T>[]): Promise<(T | string)[]> {
  const answers = asks.map(track);
  await flushPromises();
  if (answers.some((answer) => !answer.settled)) {
    scheduler.advance(60_000);
    await flushPromises();
  }
  return answers.map((answer) =>
    !answer.settled
      ? "no answer"
      : answer.error === undefined
        ? (answer.value as T)
        : `no answer (${codeOfError(answer.error)})`,
  );
}

/** An actor that appends each message to `log`, and throws on "boom". */
export function logger(log: unknown[]): () => Actor<unknown> {
  return () => ({
    receive(message) {
      if (message === "boom") throw new Error("boom");
      log.push(message);
    },
  });
}

export type CounterMessage = { type: "add"; n: number } | { type: "get"; replyTo: ReplyTo<number> } | { type: "boom" };

/** A counter whose state is the field `count`; `made` counts the instances its factory made. */
export function counter(made: { count: number }): () => Actor<CounterMessage> {
  return () => {
    made.count++;
    let count = 0;
    return {
      receive(message) {
        if (message.type === "add") count += message.n;
        else if (message.type === "get") message.replyTo.reply(count);
        else throw new Error("boom");
      },
    };
  };
}

export function getCount(ref: ActorRef<CounterMessage>, timeoutMs = 1_000): Promise<number> {
  return ref.ask<number>((replyTo) => ({ type: "get", replyTo }), timeoutMs);
}
