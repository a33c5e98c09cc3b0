/**
 * Wrong: one array, changed in place (push, splice), and handed to the fan-out loop as it is. A
 * subscriber added by a handler is visited by the loop delivering the message published before it
 * joined; one that removes itself shifts the next subscriber under the loop's index, so it is skipped.
 */
import type { TopicSubscription } from "../../src/subscription";

export class SubscriberList<T> {
  private readonly current: TopicSubscription<T>[] = [];

  get size(): number {
    return this.current.length;
  }

  add(subscription: TopicSubscription<T>): void {
    this.current.push(subscription);
  }

  remove(subscription: TopicSubscription<T>): void {
    const at = this.current.indexOf(subscription);
    if (at >= 0) this.current.splice(at, 1);
  }

  snapshot(): readonly TopicSubscription<T>[] {
    return this.current;
  }
}
