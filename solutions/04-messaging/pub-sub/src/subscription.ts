import type { CloseReason, Handler, Message, Subscription, SubscriptionStats } from "./messages";
import type { OverflowPolicy } from "./options";
import { Fifo } from "./fifo";
import type { Replay } from "./retained-log";

/**
 * One subscriber's state: its handler, what waits for it (the replay, then a bounded buffer of
 * live messages), whether its handler is busy, and its counts. The dispatcher decides when to
 * deliver; this class decides what is next and what a full buffer does.
 */
export class TopicSubscription<T> implements Subscription {
  active = true;
  closeReason: CloseReason | undefined = undefined;
  /** True while the promise the handler returned has not settled. */
  busy = false;
  delivered = 0;
  failed = 0;
  private dropped = 0;
  private missed = 0;
  private replay: readonly Message<T>[] = [];
  private replayed = 0;
  protected readonly buffer = new Fifo<Message<T>>();

  constructor(
    readonly topic: string,
    readonly handler: Handler<T>,
    readonly bufferSize: number,
    readonly overflow: OverflowPolicy,
    /** Takes the subscription off its topic's list. */
    protected readonly detach: (subscription: TopicSubscription<T>) => void,
  ) {}

  /** The retained messages to deliver before any live one. */
  startReplay(replay: Replay<T>): void {
    this.replay = replay.messages;
    this.missed = replay.missed;
  }

  /** Messages wait for it: delivering a live one directly now would overtake them. False once closed. */
  get hasBacklog(): boolean {
    return this.replayed < this.replay.length || this.buffer.length > 0;
  }

  /** The next waiting message, the replay first; undefined when nothing waits. */
  take(): Message<T> | undefined {
    if (this.replayed < this.replay.length) return this.replay[this.replayed++];
    return this.buffer.shift();
  }

  /** Queues a live message it cannot take now, applying the overflow policy to a full buffer. */
  offer(message: Message<T>): void {
    if (this.buffer.length < this.bufferSize) {
      this.buffer.push(message);
      return;
    }
    if (this.overflow === "drop-oldest") {
      this.buffer.shift();
      this.buffer.push(message);
      this.dropped++;
    } else if (this.overflow === "drop-newest") {
      this.dropped++;
    } else {
      this.dropped += this.pending() + 1;
      this.close("overflow");
    }
  }

  stats(): SubscriptionStats {
    return {
      delivered: this.delivered,
      failed: this.failed,
      dropped: this.dropped,
      pending: this.pending(),
      missed: this.missed,
    };
  }

  unsubscribe(): void {
    this.close("unsubscribed");
  }

  private pending(): number {
    return this.replay.length - this.replayed + this.buffer.length;
  }

  /** Ends it: nothing more is delivered, and what waited is let go with the topic's reference to it. */
  protected close(reason: CloseReason): void {
    if (!this.active) return;
    this.active = false;
    this.closeReason = reason;
    this.replay = [];
    this.replayed = 0;
    this.buffer.clear();
    this.detach(this);
  }
}
