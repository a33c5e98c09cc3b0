/**
 * Naive: one array changed in place, and a copy of it taken for every publish, so that a handler
 * that subscribes or unsubscribes cannot disturb the fan-out walking it. Correct, and a copy of the
 * whole list per message where the reference copies only when the list changes.
 */
import type { TopicSubscription } from "../src/subscription";

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
    return [...this.current];
  }
}
