/**
 * Wrong: failures are caught so delivery goes on (right), and then dropped (wrong): nothing is
 * reported or counted, so nobody learns that a subscriber fails on every message.
 */
import type { Message } from "../../src/messages";
import { Dispatcher as Reference } from "../../src/dispatcher";
import type { TopicSubscription } from "../../src/subscription";

export class Dispatcher<T> extends Reference<T> {
  protected override fail(_subscription: TopicSubscription<T>, _message: Message<T>, _error: unknown): void {
    // swallowed
  }
}
