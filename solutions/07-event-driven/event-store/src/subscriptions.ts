/**
 * Catch-up subscriptions, shared by both backends. A subscription does not receive events pushed
 * at it: it remembers the next position it owes its handler and pulls from the log, in pages,
 * until it has caught up. Catch-up and live delivery are the same loop, so nothing falls between
 * them, and an event a handler appends is found by the loop already running, after the event in
 * hand, instead of being delivered in the middle of it.
 */
import type { EventHandler, RecordedEvent, Subscription } from "./events";

/** How many events one pull reads. */
const PAGE = 256;

export type ReadPage = (fromPosition: number, maxCount: number) => RecordedEvent[];

class CatchUpSubscription implements Subscription {
  nextPosition: number;
  error: unknown = undefined;
  closed = false;
  private delivering = false;

  constructor(
    fromPosition: number,
    private readonly handler: EventHandler,
    private readonly readPage: ReadPage,
    private readonly onClose: (subscription: CatchUpSubscription) => void,
  ) {
    this.nextPosition = fromPosition;
  }

  /** Delivers everything stored from nextPosition on. A call made while delivering returns at once. */
  deliver(): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (!this.closed) {
        const page = this.readPage(this.nextPosition, PAGE);
        if (page.length === 0) return;
        for (const event of page) {
          if (this.closed) return;
          try {
            this.handler(event);
          } catch (error) {
            this.error = error;
            this.close();
            return;
          }
          this.nextPosition = event.position + 1;
        }
      }
    } finally {
      this.delivering = false;
    }
  }

  /** Closing twice is harmless: the second removal from the open set finds nothing. */
  close(): void {
    this.closed = true;
    this.onClose(this);
  }
}

/** The subscriptions of one store. */
export class Subscriptions {
  private readonly open = new Set<CatchUpSubscription>();

  constructor(private readonly readPage: ReadPage) {}

  /** Starts a subscription and catches it up before returning it. */
  subscribe(fromPosition: number, handler: EventHandler): Subscription {
    const subscription = new CatchUpSubscription(fromPosition, handler, this.readPage, (closed) =>
      this.open.delete(closed),
    );
    this.open.add(subscription);
    subscription.deliver();
    return subscription;
  }

  /** After a commit: every open subscription pulls what it has not delivered yet. */
  deliverNew(): void {
    for (const subscription of [...this.open]) subscription.deliver();
  }

  closeAll(): void {
    for (const subscription of [...this.open]) subscription.close();
  }
}
