/**
 * Wrong: bufferSize and the overflow policy are ignored, so every message a stuck subscriber
 * misses is kept for it, and memory grows until the process dies.
 */
import type { Message } from "../../src/messages";
import { TopicSubscription as Reference } from "../../src/subscription";

export class TopicSubscription<T> extends Reference<T> {
  override offer(message: Message<T>): void {
    this.buffer.push(message);
  }
}
