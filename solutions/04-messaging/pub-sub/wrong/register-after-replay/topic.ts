/**
 * Wrong: the replay is delivered first and the subscriber joins the live list after it. A message
 * published while the replay runs (by a handler) is not in the replay, fixed before it, and not
 * delivered live either: a gap at the switch.
 */
import type { StartPosition } from "../../src/options";
import { Topic as Reference } from "../../src/topic";
import type { TopicSubscription } from "../../src/subscription";

export class Topic<T> extends Reference<T> {
  override attach(subscription: TopicSubscription<T>, from: StartPosition, now: number): void {
    this.log.trim(now);
    if (from !== "latest") {
      subscription.startReplay("offset" in from ? this.log.fromOffset(from.offset) : this.log.fromTime(from.time));
    }
    this.dispatcher.wake(subscription);
    this.subscribers.add(subscription);
  }
}
