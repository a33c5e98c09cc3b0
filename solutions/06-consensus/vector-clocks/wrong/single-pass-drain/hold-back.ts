/**
 * The mistake: the hold-back queue is looked at once per arrival, in arrival order. A message that
 * a delivery later in the same pass releases stays held until some other message arrives, and
 * at the end of the traffic, for good.
 */
import type { Verdict } from "../../src/delivery";
import type { Broadcast } from "../../src/messages";

export class HoldBackQueue {
  private readonly waiting = new Map<string, Broadcast>();

  get size(): number {
    return this.waiting.size;
  }

  hold(message: Broadcast): boolean {
    const key = `${message.stamp[message.origin]}@${message.origin}`;
    if (this.waiting.has(key)) return false;
    this.waiting.set(key, message);
    return true;
  }

  drain(verdict: (message: Broadcast) => Verdict, deliver: (message: Broadcast) => void): void {
    for (const [key, message] of this.waiting) {
      if (verdict(message) !== "deliver") continue;
      this.waiting.delete(key);
      deliver(message);
    }
  }
}
