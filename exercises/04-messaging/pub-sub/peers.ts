/**
 * The emitter most Node libraries ship, behind this exercise's API, so `kata bench pub-sub` can fan
 * the same messages out through it (given code). eventemitter3 calls listeners in order, in the
 * emit() call, and that is all: it keeps nothing for a late subscriber, a listener that throws
 * stops the emit (the listeners after it miss the event), and a listener's promise is ignored, so
 * nothing bounds the work a slow listener piles up. The adapter numbers messages per topic so each
 * listener gets the same envelope as the reference's subscribers; retention options are ignored.
 */
import EventEmitter from "eventemitter3";
import type { Handler, Message, Subscription, SubscriptionStats, TopicStats } from "./src/messages";
import type * as PubSubModule from "./src/pub-sub";

export type PubSubApi = Pick<typeof PubSubModule, "PubSub">;

class PubSubOnEventEmitter3<T> {
  private readonly emitter = new EventEmitter();
  private readonly nextOffsets = new Map<string, number>();

  createTopic(name: string): void {
    this.nextOffsets.set(name, 0);
  }

  publish(topic: string, payload: T): Message<T> {
    const offset = this.nextOffsets.get(topic) ?? 0;
    this.nextOffsets.set(topic, offset + 1);
    const message: Message<T> = { topic, offset, publishedAt: 0, payload };
    this.emitter.emit(topic, message);
    return message;
  }

  subscribe(topic: string, handler: Handler<T>): Subscription {
    let active = true;
    let delivered = 0;
    const subscription: Subscription = {
      topic,
      get active() {
        return active;
      },
      get closeReason() {
        return active ? undefined : "unsubscribed";
      },
      stats: (): SubscriptionStats => ({ delivered, failed: 0, dropped: 0, pending: 0, missed: 0 }),
      unsubscribe: () => {
        active = false;
        this.emitter.off(topic, listener);
      },
    };
    const listener = (message: Message<T>): void => {
      delivered++;
      void handler(message, subscription);
    };
    this.emitter.on(topic, listener);
    return subscription;
  }

  describeTopic(topic: string): TopicStats {
    const nextOffset = this.nextOffsets.get(topic) ?? 0;
    return { subscribers: this.emitter.listenerCount(topic), retained: 0, oldestOffset: nextOffset, nextOffset };
  }
}

export const eventEmitter3: PubSubApi = { PubSub: PubSubOnEventEmitter3 as unknown as PubSubApi["PubSub"] };
