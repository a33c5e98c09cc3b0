import { notImplemented } from "#kata";
import type { Handler, Message, Subscription, TopicStats } from "./messages";
import type { PubSubOptions, SubscribeOptions, TopicOptions } from "./options";
// PubSubError (./errors) is what every bad argument throws; DEFAULT_BUFFER_SIZE, DEFAULT_OVERFLOW
// and OVERFLOW_POLICIES (./options) are the subscription defaults and the policies there are.

export type * from "./messages";
export type * from "./options";

/**
 * An in-process publish-subscribe broker: named topics, each delivering every message to every
 * subscriber it had when the message was published, in publish order, exactly once.
 *
 * Delivery is synchronous: publish() (and subscribe(), for a replay) calls the handlers before it
 * returns. A handler may publish, subscribe or unsubscribe from inside its call; then what that
 * call starts waits until the current handler returns, and is still delivered before the
 * outermost call returns. Each subscriber gets messages in offset order; no order is promised
 * between different subscribers.
 *
 * Subscribers are isolated from each other:
 * - a handler that throws (or whose promise rejects) is reported to onSubscriberError and counted;
 *   the others, and its own next messages, are delivered as usual;
 * - a handler that returns a promise is busy until it settles; messages for it meanwhile wait in
 *   its own bounded buffer, and no other subscriber waits for it. A full buffer applies the
 *   subscription's OverflowPolicy, and the losses are counted.
 *
 * A topic retains recent messages (RetentionOptions), so a subscriber can start from an offset or
 * a time: it gets the retained messages from there, then the live ones, with none missing and none
 * twice at the switch.
 *
 * Errors are PubSubErrors (./errors.ts) with a code: see each method.
 */
export class PubSub<T = unknown> {
  /**
   * @throws PubSubError INVALID_OPTIONS when clock or onSubscriberError is given and is not a
   *   function.
   */
  constructor(options: PubSubOptions<T> = {}) {
    notImplemented(`new PubSub(${Object.keys(options).join(", ")})`);
  }

  /**
   * Creates a topic, with its retention (none when omitted).
   * @throws PubSubError INVALID_TOPIC for a name that is not a non-empty string; DUPLICATE_TOPIC if
   *   it exists; INVALID_RETENTION for retention.messages that is not a non-negative integer or
   *   retention.ageMs that is not a non-negative finite number.
   */
  createTopic(name: string, options: TopicOptions = {}): void {
    notImplemented(`PubSub.createTopic(${JSON.stringify(name)}, ${JSON.stringify(options)})`);
  }

  /**
   * Publishes `payload` on `topic` and delivers it to every active subscriber the topic has now;
   * returns the message, with its offset and publishedAt. This is the hot path: the bench publishes
   * millions of messages to topics that retain thousands, and expects O(subscribers) per publish.
   * @throws PubSubError INVALID_TOPIC, UNKNOWN_TOPIC.
   */
  publish(topic: string, payload: T): Message<T> {
    return notImplemented(`PubSub.publish(${JSON.stringify(topic)}, ...)`);
  }

  /**
   * Subscribes `handler` to `topic`, starting where options.from says, and delivers any replay
   * before it returns (or, from inside a handler, once the current handler returns).
   * @throws PubSubError INVALID_TOPIC, UNKNOWN_TOPIC, INVALID_HANDLER, INVALID_START,
   *   INVALID_BUFFER_SIZE, INVALID_OVERFLOW. A call that throws subscribes nothing.
   */
  subscribe(topic: string, handler: Handler<T>, options: SubscribeOptions = {}): Subscription {
    return notImplemented(`PubSub.subscribe(${JSON.stringify(topic)}, ..., ${JSON.stringify(options)})`);
  }

  /**
   * The topic's subscribers and retained range, as of the clock now (a message whose age has run
   * out is not counted).
   * @throws PubSubError INVALID_TOPIC, UNKNOWN_TOPIC.
   */
  describeTopic(topic: string): TopicStats {
    return notImplemented(`PubSub.describeTopic(${JSON.stringify(topic)})`);
  }
}
