/** The options of a broker, a topic and a subscription (given code: use it as it is). */
import type { SubscriberFailure } from "./messages";

export interface PubSubOptions<T> {
  /** Milliseconds now, for publishedAt and age retention; Date.now when omitted. Tests inject one. */
  clock?: () => number;
  /**
   * Called, synchronously, with each handler failure: a throw at once, a rejection when it
   * happens. It must not throw. Failures are also counted in each subscription's stats.
   */
  onSubscriberError?: (failure: SubscriberFailure<T>) => void;
}

/**
 * How long a topic keeps published messages for subscribers that start in the past. Both limits
 * apply when both are given; with neither, nothing is kept (as Redis Pub/Sub).
 */
export interface RetentionOptions {
  /** Keep at most this many of the newest messages: a non-negative integer. */
  messages?: number;
  /**
   * Keep a message while now < publishedAt + ageMs: at that instant it is gone. A non-negative,
   * finite number of milliseconds.
   */
  ageMs?: number;
}

export interface TopicOptions {
  retention?: RetentionOptions;
}

/**
 * Where a subscriber starts:
 * - "latest": only messages published after subscribe() (the default);
 * - { offset: n }: the retained messages from offset n on, then live ones. n may be at most the
 *   topic's next offset (n equal to it is the same as "latest"); below the oldest retained
 *   offset it starts at the oldest retained message and counts the rest in stats().missed;
 * - { time: t }: the retained messages published at or after t, then live ones (a t later than
 *   every retained message, the future included, starts as "latest").
 */
export type StartPosition = "latest" | { offset: number } | { time: number };

/**
 * What happens when a message arrives for a subscriber whose buffer is full:
 * - "drop-oldest": the oldest waiting message is dropped to make room;
 * - "drop-newest": the arriving message is dropped;
 * - "disconnect": the subscription closes with closeReason "overflow", and the arriving message
 *   and everything waiting count as dropped (Redis's client-output-buffer-limit for pub/sub).
 */
export type OverflowPolicy = "drop-oldest" | "drop-newest" | "disconnect";

export const OVERFLOW_POLICIES: readonly OverflowPolicy[] = ["drop-oldest", "drop-newest", "disconnect"];

export interface SubscribeOptions {
  /** "latest" when omitted. */
  from?: StartPosition;
  /**
   * How many live messages may wait for this subscriber while it is busy (its handler's promise
   * has not settled) or still replaying; the message being handled does not count. A positive
   * integer; 1,000 when omitted.
   */
  bufferSize?: number;
  /** "disconnect" when omitted. */
  overflow?: OverflowPolicy;
}

export const DEFAULT_BUFFER_SIZE = 1_000;
export const DEFAULT_OVERFLOW: OverflowPolicy = "disconnect";
