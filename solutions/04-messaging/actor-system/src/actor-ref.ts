/** The handle given out for an actor: bound to its cell, so it reaches that actor and no other. */
import { openAsk } from "./ask";
import type { ActorCell, Envelope } from "./actor-cell";
import { ActorError } from "./errors";
import type { Runtime } from "./runtime";
import { shown } from "./shown";
import type { ActorRef, ReplyTo } from "./types";

export class LocalRef<M> implements ActorRef<M> {
  constructor(
    protected readonly cell: ActorCell<M>,
    protected readonly runtime: Runtime,
  ) {}

  get name(): string {
    return this.cell.name;
  }

  get isStopped(): boolean {
    return this.cell.stopped;
  }

  tell(message: M): void {
    this.runtime.deliver(this.cell as ActorCell, { message, ask: undefined });
  }

  ask<R>(makeMessage: (replyTo: ReplyTo<R>) => M, timeoutMs: number): Promise<R> {
    if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
      throw new ActorError(
        "INVALID_TIMEOUT",
        `ask to ${JSON.stringify(this.name)}: timeoutMs must be a positive, finite number of milliseconds, got ${shown(timeoutMs)}`,
      );
    }
    const { replyTo, pending, promise } = openAsk<R>(this.runtime.scheduler, this.name, timeoutMs, (value) =>
      this.runtime.deadLetter({ to: this.name, message: value, reason: "ask-closed" }),
    );
    let message: M;
    try {
      message = makeMessage(replyTo);
    } catch (error) {
      pending.fail(error);
      return promise;
    }
    this.runtime.deliver(this.cell as ActorCell, { message, ask: pending as Envelope["ask"] });
    return promise;
  }

  stop(): void {
    this.runtime.stop(this.cell as ActorCell);
  }
}
