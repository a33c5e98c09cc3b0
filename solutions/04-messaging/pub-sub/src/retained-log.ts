import type { Message } from "./messages";
import type { RetentionOptions } from "./options";
import { Fifo } from "./fifo";

/** The messages a replay delivers, and how many asked for were already gone. */
export interface Replay<T> {
  messages: readonly Message<T>[];
  missed: number;
}

/**
 * A topic's retained messages, oldest first, with consecutive offsets. Retention trims at the head
 * only (the oldest message is the first to exceed either limit, since publishedAt never decreases),
 * so each message is trimmed once: O(1) amortised per publish, whatever the retention size.
 */
export class RetainedLog<T> {
  protected readonly messages = new Fifo<Message<T>>();
  protected readonly maxMessages: number;
  protected readonly maxAgeMs: number;
  /** The offset the next appended message has. */
  nextOffset = 0;

  constructor(retention: RetentionOptions) {
    this.maxMessages = retention.messages ?? (retention.ageMs === undefined ? 0 : Infinity);
    this.maxAgeMs = retention.ageMs ?? Infinity;
  }

  get oldestOffset(): number {
    return this.nextOffset - this.messages.length;
  }

  /** Appends the message with offset nextOffset, then trims to the retention limits as of `now`. */
  append(message: Message<T>, now: number): void {
    this.messages.push(message);
    this.nextOffset = message.offset + 1;
    if (this.messages.length > this.maxMessages) this.messages.shift();
    this.trim(now);
  }

  /** Drops every message whose age has run out: now >= publishedAt + ageMs. */
  trim(now: number): void {
    for (let oldest = this.messages.peek(); oldest !== undefined; oldest = this.messages.peek()) {
      if (now < oldest.publishedAt + this.maxAgeMs) return;
      this.messages.shift();
    }
  }

  /** The retained messages from `offset` on (offset <= nextOffset, checked by the caller). */
  fromOffset(offset: number): Replay<T> {
    const first = Math.max(offset, this.oldestOffset);
    return { messages: this.messages.sliceFrom(first - this.oldestOffset), missed: first - offset };
  }

  /** The retained messages published at or after `time`. */
  fromTime(time: number): Replay<T> {
    let first = 0;
    while (first < this.messages.length && (this.messages.at(first) as Message<T>).publishedAt < time) first++;
    return { messages: this.messages.sliceFrom(first), missed: 0 };
  }
}
