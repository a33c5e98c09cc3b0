/**
 * fastq, the in-memory work queue behind fastify and pino, behind this exercise's API, so the bench
 * can send the same messages through it (given code; `kata bench actor-system` shows it beside the
 * reference). An actor is a queue with a concurrency of one: here each actor is a fastq queue of
 * its own whose worker calls the actor's receive, and calls fastq's `done` when receive (or the
 * promise it returned) has settled.
 *
 * What this adapter leaves out, and why it is only context: fastq runs a task inside push when the
 * queue is idle, so tell runs the handler itself (the exercise's rule is that tell only queues) and
 * drain has nothing left to do; there is no supervision, no ask, no dead letters. It measures the
 * bare mechanism: a mailbox and one-at-a-time per actor.
 */
import fastq from "fastq";
import type * as ActorModule from "./src/actor-system";
import type { Actor, ActorFactory, ActorRef } from "./src/types";

type Api = Pick<typeof ActorModule, "ActorSystem">;

class FastqActorSystem {
  spawn<M>(name: string, factory: ActorFactory<M>): ActorRef<M> {
    const actor: Actor<M> = factory();
    const queue = fastq<unknown, M>((message, done) => {
      let outcome: void | Promise<void>;
      try {
        outcome = actor.receive(message, { self: ref });
      } catch (error) {
        done(error as Error);
        return;
      }
      if (outcome instanceof Promise) outcome.then(() => done(null), done);
      else done(null);
    }, 1);
    const ref: ActorRef<M> = {
      name,
      isStopped: false,
      tell: (message: M) => queue.push(message),
      ask: () => Promise.reject(new Error("the fastq peer has no ask")),
      stop: () => queue.kill(),
    };
    return ref;
  }

  drain(): number {
    return 0;
  }
}

export const fastqActors: Api = { ActorSystem: FastqActorSystem as unknown as Api["ActorSystem"] };
