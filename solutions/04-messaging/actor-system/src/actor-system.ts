/**
 * The reference actor system. Modules: runtime.ts (delivery, run queue, drain, dead letters),
 * dispatcher.ts (one message at a time per actor), actor-cell.ts and actor-ref.ts (an actor and its
 * handle), ask.ts (request-reply with a timeout), supervision.ts and restart-window.ts (restarts),
 * mailbox.ts and run-queue.ts (the queues).
 */
import { ActorError } from "./errors";
import { RestartWindow } from "./restart-window";
import { Runtime } from "./runtime";
import { realScheduler, type Scheduler } from "./scheduler";
import { shown } from "./shown";
import { SupervisorImpl } from "./supervision";
import type {
  ActorFactory,
  ActorRef,
  ActorSystemOptions,
  DeadLetter,
  RestartStrategy,
  Supervisor,
  SupervisorOptions,
} from "./types";

export type {
  Actor,
  ActorContext,
  ActorFactory,
  ActorRef,
  ActorSystemOptions,
  DeadLetter,
  ReplyTo,
  RestartStrategy,
  Supervisor,
  SupervisorOptions,
} from "./types";

const STRATEGIES: readonly RestartStrategy[] = ["one-for-one", "all-for-one"];

function checkScheduler(scheduler: unknown): asserts scheduler is Scheduler {
  const candidate = scheduler as Partial<Scheduler> | null;
  if (typeof candidate?.now !== "function" || typeof candidate.setTimer !== "function") {
    throw new ActorError(
      "INVALID_SCHEDULER",
      `options.scheduler must have now() and setTimer(delayMs, callback), got ${shown(scheduler)}: pass a ManualScheduler, or omit it for real time`,
    );
  }
}

function checkSupervisorOptions(name: string, options: unknown): asserts options is SupervisorOptions {
  const given = options as Partial<SupervisorOptions> | null;
  const problem =
    typeof given !== "object" || given === null
      ? `options must be an object, got ${shown(options)}`
      : !STRATEGIES.includes(given.strategy as RestartStrategy)
        ? `strategy must be "one-for-one" or "all-for-one", got ${shown(given.strategy)}`
        : !Number.isInteger(given.maxRestarts) || (given.maxRestarts as number) < 0
          ? `maxRestarts must be an integer >= 0, got ${shown(given.maxRestarts)}`
          : !((given.withinMs as number) > 0) || !Number.isFinite(given.withinMs)
            ? `withinMs must be a positive, finite number of milliseconds, got ${shown(given.withinMs)}`
            : undefined;
  if (problem !== undefined) {
    throw new ActorError("INVALID_SUPERVISOR_OPTIONS", `supervisor ${JSON.stringify(name)}: ${problem}`);
  }
}

export class ActorSystem {
  private readonly runtime: Runtime;
  /** Supervises the actors spawned directly: one-for-one, restarts without limit. */
  private readonly root: SupervisorImpl;

  constructor(options: ActorSystemOptions = {}) {
    const scheduler = options.scheduler === undefined ? realScheduler : options.scheduler;
    checkScheduler(scheduler);
    this.runtime = new Runtime(scheduler);
    this.root = new SupervisorImpl("/", "one-for-one", undefined, this.runtime);
  }

  spawn<M>(name: string, factory: ActorFactory<M>): ActorRef<M> {
    return this.root.spawn(name, factory);
  }

  supervisor(name: string, options: SupervisorOptions): Supervisor {
    this.runtime.checkName(name, "supervisor");
    checkSupervisorOptions(name, options);
    const supervisor = new SupervisorImpl(
      name,
      options.strategy,
      new RestartWindow(options.maxRestarts, options.withinMs),
      this.runtime,
    );
    this.runtime.claimName(name, supervisor);
    return supervisor;
  }

  broadcast<M>(refs: Iterable<ActorRef<M>>, message: M): number {
    if (typeof (refs as Partial<Iterable<ActorRef<M>>> | null)?.[Symbol.iterator] !== "function") {
      throw new ActorError("INVALID_GROUP", `broadcast needs an iterable of actor refs, got ${shown(refs)}`);
    }
    const group = new Set<ActorRef<M>>();
    for (const ref of refs) {
      if (typeof (ref as Partial<ActorRef<M>> | null)?.tell !== "function") {
        throw new ActorError(
          "INVALID_GROUP",
          `broadcast: every member must be an actor ref, got ${shown(ref)}; nothing was sent`,
        );
      }
      group.add(ref);
    }
    let delivered = 0;
    for (const ref of group) {
      if (!ref.isStopped) delivered++;
      ref.tell(message);
    }
    return delivered;
  }

  get deadLetters(): readonly DeadLetter[] {
    return this.runtime.deadLetters;
  }

  drain(): number {
    return this.runtime.drain();
  }

  settle(): Promise<void> {
    return this.runtime.settle();
  }
}
