/**
 * What flows through a broker, and what a subscriber holds (given code: use it as it is).
 */

/** One published message, as every subscriber of its topic receives it. */
export interface Message<T> {
  readonly topic: string;
  /** Its position in the topic: 0 for the first message ever published to it, then 1, 2, ... */
  readonly offset: number;
  /** The broker's clock when it was published (never earlier than the previous message's). */
  readonly publishedAt: number;
  readonly payload: T;
}

/**
 * A subscriber. It may return a promise: until that promise settles the subscriber is busy, and
 * the messages published meanwhile wait in its buffer. Throwing, or returning a promise that
 * rejects, is a failure reported to `onSubscriberError`; delivery goes on with the next message.
 */
export type Handler<T> = (message: Message<T>, subscription: Subscription) => unknown;

/** Why a subscription ended. */
export type CloseReason =
  | "unsubscribed" // its owner called unsubscribe()
  | "overflow"; // its buffer was full under the "disconnect" policy

export interface SubscriptionStats {
  /** Handler calls made, failed ones included: each a different message, in offset order. */
  delivered: number;
  /** Handler calls that threw or returned a promise that rejected. */
  failed: number;
  /** Messages this subscriber will never get because its buffer was full (see OverflowPolicy). */
  dropped: number;
  /** Messages waiting: the rest of the replay, then the buffer. 0 once the subscription is closed. */
  pending: number;
  /**
   * For a start `{ offset }` older than anything retained: how many of the messages asked for
   * retention had already removed. 0 for every other start.
   */
  missed: number;
}

/** What subscribe() returns; also passed to the handler as its second argument. */
export interface Subscription {
  readonly topic: string;
  /** True until unsubscribe() or a disconnect. */
  readonly active: boolean;
  /** Why the subscription ended; undefined while it is active. */
  readonly closeReason: CloseReason | undefined;
  stats(): SubscriptionStats;
  /**
   * Ends the subscription at once, also from inside its own handler: no message is delivered to
   * it afterwards, and the messages waiting for it are let go. Calling it again does nothing.
   */
  unsubscribe(): void;
}

/** What onSubscriberError receives. */
export interface SubscriberFailure<T> {
  topic: string;
  subscription: Subscription;
  /** The message whose handling failed. */
  message: Message<T>;
  /** What the handler threw, or what its promise rejected with, as it was. */
  error: unknown;
}

/** A topic's state, from describeTopic(). */
export interface TopicStats {
  /** Active subscriptions. */
  subscribers: number;
  /** Messages retention keeps right now: nextOffset - oldestOffset. */
  retained: number;
  /** The offset of the oldest retained message; equal to nextOffset when none is retained. */
  oldestOffset: number;
  /** The offset the next published message will get: how many were ever published. */
  nextOffset: number;
}
