/**
 * Messages received before their causal past, keyed by (origin, number): a copy of one already
 * waiting takes no second place.
 */
import type { Broadcast } from "./messages";
import type { Verdict } from "./delivery";

export class HoldBackQueue {
  private readonly waiting = new Map<string, Broadcast>();

  get size(): number {
    return this.waiting.size;
  }

  /** False when the same broadcast already waits. */
  hold(message: Broadcast): boolean {
    const key = `${message.stamp[message.origin]}@${message.origin}`;
    if (this.waiting.has(key)) return false;
    this.waiting.set(key, message);
    return true;
  }

  /**
   * Delivers every waiting message the rule allows, looking again after each pass that delivered
   * something: one delivery can release a message seen earlier in the same pass.
   */
  drain(verdict: (message: Broadcast) => Verdict, deliver: (message: Broadcast) => void): void {
    let progress = true;
    while (progress) {
      progress = false;
      for (const [key, message] of this.waiting) {
        // Never "duplicate" here: a copy of a waiting message is refused by hold(), and the node
        // drops copies of delivered ones before they reach the queue.
        if (verdict(message) !== "deliver") continue;
        this.waiting.delete(key);
        deliver(message);
        progress = true;
      }
    }
  }
}
