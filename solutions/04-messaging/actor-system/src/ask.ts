/**
 * One ask in flight: its promise, its timer, and whether it still waits. Each ask gets a ReplyTo of
 * its own, bound to it alone, so an answer can only ever settle the ask it was made for: a reply
 * that comes after its ask timed out is dropped (as a dead letter), never handed to a later ask to
 * the same actor.
 */
import { ActorError } from "./errors";
import type { Scheduler, TimerHandle } from "./scheduler";
import type { ReplyTo } from "./types";

export class PendingAsk<R> implements ReplyTo<R> {
  private waiting = true;
  private readonly timer: TimerHandle;

  constructor(
    scheduler: Scheduler,
    target: string,
    timeoutMs: number,
    private readonly settle: { resolve(value: R): void; reject(error: unknown): void },
    private readonly onClosedReply: (value: R) => void,
  ) {
    this.timer = scheduler.setTimer(timeoutMs, () =>
      this.fail(
        new ActorError(
          "ASK_TIMEOUT",
          `the ask to ${JSON.stringify(target)} timed out: no reply within ${timeoutMs} ms. A reply that comes later is dropped (a dead letter).`,
        ),
      ),
    );
  }

  reply(value: R): void {
    if (this.close()) this.settle.resolve(value);
    else this.onClosedReply(value);
  }

  /** Rejects the ask if it still waits; does nothing otherwise. */
  fail(error: unknown): void {
    if (this.close()) this.settle.reject(error);
  }

  /** Ends the wait, once: true for the call that ended it. */
  private close(): boolean {
    if (!this.waiting) return false;
    this.waiting = false;
    this.timer.cancel();
    return true;
  }
}

export interface OpenAsk<R> {
  /** Handed to the message: the asked actor answers through it. */
  replyTo: ReplyTo<R>;
  /** Kept by the system with the message, to reject the ask if the message cannot be handled. */
  pending: PendingAsk<R>;
  promise: Promise<R>;
}

export function openAsk<R>(
  scheduler: Scheduler,
  target: string,
  timeoutMs: number,
  onClosedReply: (value: R) => void,
): OpenAsk<R> {
  let settle!: { resolve(value: R): void; reject(error: unknown): void };
  const promise = new Promise<R>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const pending = new PendingAsk<R>(scheduler, target, timeoutMs, settle, onClosedReply);
  return { replyTo: pending, pending, promise };
}
