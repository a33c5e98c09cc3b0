/**
 * Wrong: a publish from inside a handler delivers at once, recursively, in the middle of the
 * fan-out in progress, so the subscribers after the publishing one get the newer message first.
 */
import type { Message } from "../../src/messages";
import { Dispatcher as Reference } from "../../src/dispatcher";
import type { TopicSubscription } from "../../src/subscription";

export class Dispatcher<T> extends Reference<T> {
  override publish(message: Message<T>, subscribers: readonly TopicSubscription<T>[]): void {
    this.fanOut(message, subscribers);
  }
}
