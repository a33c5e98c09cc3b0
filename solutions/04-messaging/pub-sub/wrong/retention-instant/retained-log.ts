/**
 * Wrong: a message is trimmed only once now > publishedAt + ageMs, so at exactly its retention
 * instant it is still retained, replayed and counted.
 */
import { RetainedLog as Reference } from "../../src/retained-log";

export class RetainedLog<T> extends Reference<T> {
  override trim(now: number): void {
    for (let oldest = this.messages.peek(); oldest !== undefined; oldest = this.messages.peek()) {
      if (now <= oldest.publishedAt + this.maxAgeMs) return;
      this.messages.shift();
    }
  }
}
