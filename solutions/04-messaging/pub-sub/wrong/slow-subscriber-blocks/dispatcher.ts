/**
 * Wrong: a message is fanned out only when every handler of the previous one has finished, as
 * `for (const m of queue) await Promise.all(subscribers.map((s) => s.handler(m)))` does. One slow
 * subscriber holds up every other.
 */
import type { Message } from "../../src/messages";
import { Dispatcher as Reference } from "../../src/dispatcher";
import { TopicSubscription } from "../../src/subscription";

export class Dispatcher<T> extends Reference<T> {
  private unfinished = 0;

  protected override run(): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.unfinished === 0) {
        const task = this.queued.shift();
        if (task === undefined) break;
        if (task instanceof TopicSubscription) this.catchUp(task);
        else this.fanOut(task.message, task.subscribers);
      }
    } finally {
      this.delivering = false;
    }
  }

  protected override deliver(subscription: TopicSubscription<T>, message: Message<T>): void {
    super.deliver(subscription, message);
    if (subscription.busy) this.unfinished++;
  }

  protected override settle(subscription: TopicSubscription<T>): void {
    this.unfinished--;
    super.settle(subscription);
    this.run();
  }
}
