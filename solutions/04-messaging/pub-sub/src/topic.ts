import type { Message, TopicStats } from "./messages";
import type { RetentionOptions, StartPosition } from "./options";
import type { Dispatcher } from "./dispatcher";
import { RetainedLog } from "./retained-log";
import { SubscriberList } from "./subscriber-list";
import type { TopicSubscription } from "./subscription";

/** One topic: its retained log, its subscribers, and the order in which a subscriber joins. */
export class Topic<T> {
  readonly log: RetainedLog<T>;
  readonly subscribers = new SubscriberList<T>();
  private lastPublishedAt = -Infinity;

  constructor(
    readonly name: string,
    retention: RetentionOptions,
    protected readonly dispatcher: Dispatcher<T>,
  ) {
    this.log = new RetainedLog(retention);
  }

  publish(payload: T, now: number): Message<T> {
    // A clock that steps back (an NTP correction) must not make the log's times decrease.
    const publishedAt = Math.max(now, this.lastPublishedAt);
    this.lastPublishedAt = publishedAt;
    const message: Message<T> = { topic: this.name, offset: this.log.nextOffset, publishedAt, payload };
    this.log.append(message, publishedAt);
    this.dispatcher.publish(message, this.subscribers.snapshot());
    return message;
  }

  /**
   * Joins `subscription` at `from`. The replay and the membership are fixed in one step, with no
   * handler running in between: every message up to nextOffset - 1 is in the replay (or before the
   * start), every later one reaches the subscriber live. No gap and no duplicate at the switch.
   */
  attach(subscription: TopicSubscription<T>, from: StartPosition, now: number): void {
    this.log.trim(now);
    if (from !== "latest") {
      subscription.startReplay("offset" in from ? this.log.fromOffset(from.offset) : this.log.fromTime(from.time));
    }
    this.subscribers.add(subscription);
    this.dispatcher.wake(subscription);
  }

  stats(now: number): TopicStats {
    this.log.trim(now);
    const { oldestOffset, nextOffset } = this.log;
    return { subscribers: this.subscribers.size, retained: nextOffset - oldestOffset, oldestOffset, nextOffset };
  }
}
