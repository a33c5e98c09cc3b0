/**
 * Wrong: unsubscribe() only takes the subscriber off the topic's list. A fan-out already under way
 * still calls it (as Node's EventEmitter does with a listener removed during an emit), and what
 * waited in its buffer is still delivered when its handler settles.
 */
import { TopicSubscription as Reference } from "../../src/subscription";

export class TopicSubscription<T> extends Reference<T> {
  override unsubscribe(): void {
    this.detach(this);
  }
}
