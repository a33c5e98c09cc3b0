import type { Message, SubscriberFailure } from "./messages";
import { TopicSubscription } from "./subscription";
import { Fifo } from "./fifo";

/** A message to fan out to the subscribers its topic had when it was published. */
interface FanOut<T> {
  message: Message<T>;
  subscribers: readonly TopicSubscription<T>[];
}

/** Work waiting for the delivery in progress to finish: a fan-out, or a subscriber to catch up. */
type Task<T> = FanOut<T> | TopicSubscription<T>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/**
 * Runs every handler call of one broker. Work that starts while a handler runs (a publish, a
 * replay from inside a handler) is queued and done after it, in order, so a handler never runs
 * inside another one and each subscriber sees offsets in order. A handler's throw is caught and
 * reported per call; a handler's promise makes only its own subscriber busy.
 */
export class Dispatcher<T> {
  protected delivering = false;
  protected readonly queued = new Fifo<Task<T>>();

  constructor(protected readonly report: (failure: SubscriberFailure<T>) => void) {}

  /** Delivers `message` to `subscribers`: now, or after the delivery in progress. */
  publish(message: Message<T>, subscribers: readonly TopicSubscription<T>[]): void {
    this.queued.push({ message, subscribers });
    this.run();
  }

  /**
   * Delivers what waits for `subscription` (a replay, or its buffer once its handler settled), one
   * message at a time until it is busy again or nothing waits. A closed subscription has nothing.
   */
  wake(subscription: TopicSubscription<T>): void {
    this.queued.push(subscription);
    this.run();
  }

  protected run(): void {
    if (this.delivering) return; // the loop below, further up the stack, will get to it
    this.delivering = true;
    try {
      for (let task = this.queued.shift(); task !== undefined; task = this.queued.shift()) {
        if (task instanceof TopicSubscription) this.catchUp(task);
        else this.fanOut(task.message, task.subscribers);
      }
    } finally {
      this.delivering = false;
    }
  }

  protected fanOut(message: Message<T>, subscribers: readonly TopicSubscription<T>[]): void {
    for (const subscription of subscribers) {
      if (!subscription.active) continue; // unsubscribed by an earlier handler of this fan-out
      if (subscription.busy || subscription.hasBacklog) subscription.offer(message);
      else this.deliver(subscription, message);
    }
  }

  protected catchUp(subscription: TopicSubscription<T>): void {
    while (!subscription.busy) {
      const next = subscription.take();
      if (next === undefined) return;
      this.deliver(subscription, next);
    }
  }

  protected deliver(subscription: TopicSubscription<T>, message: Message<T>): void {
    subscription.delivered++;
    let result: unknown;
    try {
      result = subscription.handler(message, subscription);
    } catch (error) {
      this.fail(subscription, message, error);
      return;
    }
    if (isThenable(result)) {
      subscription.busy = true;
      result.then(
        () => this.settle(subscription),
        (error: unknown) => {
          this.fail(subscription, message, error);
          this.settle(subscription);
        },
      );
    }
  }

  protected settle(subscription: TopicSubscription<T>): void {
    subscription.busy = false;
    this.wake(subscription); // a closed subscription has nothing waiting: then this does nothing
  }

  protected fail(subscription: TopicSubscription<T>, message: Message<T>, error: unknown): void {
    subscription.failed++;
    this.report({ topic: message.topic, subscription, message, error });
  }
}
