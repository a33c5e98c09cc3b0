import { PubSubError } from "./errors";
import type { Handler, Message, SubscriberFailure, Subscription, TopicStats } from "./messages";
import {
  DEFAULT_BUFFER_SIZE,
  DEFAULT_OVERFLOW,
  OVERFLOW_POLICIES,
  type PubSubOptions,
  type RetentionOptions,
  type StartPosition,
  type SubscribeOptions,
  type TopicOptions,
} from "./options";
import { Dispatcher } from "./dispatcher";
import { TopicSubscription } from "./subscription";
import { Topic } from "./topic";

export type * from "./messages";
export type * from "./options";

/** A value as a message shows it: strings quoted and objects as JSON; numbers (NaN too) as they print. */
function show(value: unknown): string {
  return typeof value === "string" || typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * An in-process publish-subscribe broker (see the stub's doc comment for the contract). This class
 * checks arguments and keeps the topics; Topic, Dispatcher and TopicSubscription do the work.
 */
export class PubSub<T = unknown> {
  private readonly topics = new Map<string, Topic<T>>();
  private readonly clock: () => number;
  private readonly dispatcher: Dispatcher<T>;

  constructor(options: PubSubOptions<T> = {}) {
    const { clock = Date.now, onSubscriberError = () => undefined } = options;
    for (const [name, value] of [
      ["clock", clock],
      ["onSubscriberError", onSubscriberError],
    ] as const) {
      if (typeof value !== "function") {
        throw new PubSubError("INVALID_OPTIONS", `options.${name} must be a function, got ${show(value)}`);
      }
    }
    this.clock = clock;
    this.dispatcher = new Dispatcher((failure: SubscriberFailure<T>) => onSubscriberError(failure));
  }

  createTopic(name: string, options: TopicOptions = {}): void {
    checkName(name);
    if (this.topics.has(name)) {
      throw new PubSubError(
        "DUPLICATE_TOPIC",
        `topic ${show(name)} already exists: create each topic once, then publish and subscribe to it`,
      );
    }
    const retention = options.retention ?? {};
    checkRetention(retention);
    this.topics.set(name, new Topic(name, retention, this.dispatcher));
  }

  publish(topic: string, payload: T): Message<T> {
    return this.topicNamed(topic).publish(payload, this.clock());
  }

  subscribe(topic: string, handler: Handler<T>, options: SubscribeOptions = {}): Subscription {
    const target = this.topicNamed(topic);
    if (typeof handler !== "function") {
      throw new PubSubError(
        "INVALID_HANDLER",
        `a subscriber is a function (message, subscription) => void or a promise, got ${show(handler)}`,
      );
    }
    const { from = "latest", bufferSize = DEFAULT_BUFFER_SIZE, overflow = DEFAULT_OVERFLOW } = options;
    checkStart(from, target);
    if (!Number.isSafeInteger(bufferSize) || bufferSize < 1) {
      throw new PubSubError(
        "INVALID_BUFFER_SIZE",
        `bufferSize must be a positive integer (how many messages may wait for a busy subscriber), got ${show(bufferSize)}`,
      );
    }
    if (!OVERFLOW_POLICIES.includes(overflow)) {
      throw new PubSubError(
        "INVALID_OVERFLOW",
        `overflow must be one of ${OVERFLOW_POLICIES.map(show).join(", ")}, got ${show(overflow)}`,
      );
    }
    const subscription = new TopicSubscription(topic, handler, bufferSize, overflow, (s) =>
      target.subscribers.remove(s),
    );
    target.attach(subscription, from, this.clock());
    return subscription;
  }

  describeTopic(topic: string): TopicStats {
    return this.topicNamed(topic).stats(this.clock());
  }

  private topicNamed(name: string): Topic<T> {
    checkName(name);
    const topic = this.topics.get(name);
    if (topic === undefined) {
      const known = [...this.topics.keys()].map(show).join(", ");
      throw new PubSubError(
        "UNKNOWN_TOPIC",
        `no topic ${show(name)}: create it with createTopic first (topics now: ${known || "none"})`,
      );
    }
    return topic;
  }
}

function checkName(name: unknown): void {
  if (typeof name !== "string" || name === "") {
    throw new PubSubError("INVALID_TOPIC", `a topic name is a non-empty string, got ${show(name)}`);
  }
}

function checkRetention({ messages, ageMs }: RetentionOptions): void {
  if (messages !== undefined && !(Number.isSafeInteger(messages) && messages >= 0)) {
    throw new PubSubError(
      "INVALID_RETENTION",
      `retention.messages must be a non-negative integer (0 keeps none; omit it for no count limit), got ${show(messages)}`,
    );
  }
  if (ageMs !== undefined && !(Number.isFinite(ageMs) && ageMs >= 0)) {
    throw new PubSubError(
      "INVALID_RETENTION",
      `retention.ageMs must be a non-negative, finite number of milliseconds (omit it for no age limit), got ${show(ageMs)}`,
    );
  }
}

function checkStart<T>(from: StartPosition, topic: Topic<T>): void {
  if (from === "latest") return;
  if (typeof from === "object" && from !== null && "offset" in from) {
    const { offset } = from;
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new PubSubError("INVALID_START", `from.offset must be a non-negative integer, got ${show(offset)}`);
    }
    const end = topic.log.nextOffset;
    if (offset > end) {
      throw new PubSubError(
        "INVALID_START",
        `from.offset ${offset} is past the end of topic ${show(topic.name)}, whose next offset is ${end}: start at ${end} or earlier`,
      );
    }
    return;
  }
  if (typeof from === "object" && from !== null && "time" in from) {
    if (!Number.isFinite(from.time)) {
      throw new PubSubError(
        "INVALID_START",
        `from.time must be a finite number of milliseconds, got ${show(from.time)}`,
      );
    }
    return;
  }
  throw new PubSubError("INVALID_START", `from must be "latest", { offset: n } or { time: ms }, got ${show(from)}`);
}
