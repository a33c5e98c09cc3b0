/**
 * Naive: the retained messages in a plain array, trimmed on every publish by rebuilding it:
 * a filter for age, then a slice for count. Correct, and O(retained) per publish, so a topic that
 * retains 5,000 messages does 5,000 steps for every message it publishes.
 */
import type { Message } from "../src/messages";
import type { RetentionOptions } from "../src/options";
import type { Replay } from "../src/retained-log";

export type { Replay } from "../src/retained-log";

export class RetainedLog<T> {
  private messages: Message<T>[] = [];
  private readonly maxMessages: number;
  private readonly maxAgeMs: number;
  nextOffset = 0;

  constructor(retention: RetentionOptions) {
    this.maxMessages = retention.messages ?? (retention.ageMs === undefined ? 0 : Infinity);
    this.maxAgeMs = retention.ageMs ?? Infinity;
  }

  get oldestOffset(): number {
    return this.nextOffset - this.messages.length;
  }

  append(message: Message<T>, now: number): void {
    this.nextOffset = message.offset + 1;
    this.messages.push(message);
    this.trim(now);
  }

  trim(now: number): void {
    const young = this.messages.filter((m) => now < m.publishedAt + this.maxAgeMs);
    this.messages = young.slice(Math.max(0, young.length - this.maxMessages));
  }

  fromOffset(offset: number): Replay<T> {
    const kept = this.messages.filter((m) => m.offset >= offset);
    return { messages: kept, missed: Math.max(0, this.oldestOffset - offset) };
  }

  fromTime(time: number): Replay<T> {
    return { messages: this.messages.filter((m) => m.publishedAt >= time), missed: 0 };
  }
}
