import type { TopicSubscription } from "./subscription";

/**
 * A topic's subscribers, copied on write: subscribe and unsubscribe build a new array, and a
 * publish takes the current one as it is. A fan-out loop then walks an array nobody changes, even
 * when a handler subscribes or unsubscribes in the middle of it, and publishing, the frequent
 * operation, copies nothing.
 */
export class SubscriberList<T> {
  private current: readonly TopicSubscription<T>[] = [];

  get size(): number {
    return this.current.length;
  }

  add(subscription: TopicSubscription<T>): void {
    this.current = [...this.current, subscription];
  }

  remove(subscription: TopicSubscription<T>): void {
    this.current = this.current.filter((s) => s !== subscription);
  }

  /** The subscribers now; the array is never changed afterwards. */
  snapshot(): readonly TopicSubscription<T>[] {
    return this.current;
  }
}
