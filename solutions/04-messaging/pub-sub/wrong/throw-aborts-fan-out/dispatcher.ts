/**
 * Wrong: the handler is called without a try/catch of its own, so its throw leaves the fan-out loop
 * (and publish) and the subscribers after it never get the message.
 */
import type { Message } from "../../src/messages";
import { Dispatcher as Reference } from "../../src/dispatcher";
import type { TopicSubscription } from "../../src/subscription";

export class Dispatcher<T> extends Reference<T> {
  protected override deliver(subscription: TopicSubscription<T>, message: Message<T>): void {
    subscription.delivered++;
    subscription.handler(message, subscription);
  }
}
