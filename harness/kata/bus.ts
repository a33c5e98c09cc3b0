/**
 * A synchronous in-process event bus, for exercises that need one as infrastructure (cache
 * invalidation, multi-level caches), imported as `#kata/bus`. Building a bus is the pub-sub
 * exercise's lesson, not these.
 *
 * Handlers run in subscription order, synchronously, inside publish(). A handler that throws does
 * not stop the others: its error is collected and publish() returns the errors.
 */
export type Handler<E> = (event: E) => void;

export class EventBus<E extends { type: string }> {
  private readonly handlers = new Map<string, Handler<E>[]>();
  /** Events published, by type: for tests and benches to count. */
  readonly published = new Map<string, number>();

  /** Calls `handler` for every event of `type`; returns the function that unsubscribes it. */
  subscribe<T extends E["type"]>(type: T, handler: Handler<Extract<E, { type: T }>>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<E>);
    this.handlers.set(type, list);
    return () => {
      const current = this.handlers.get(type) ?? [];
      this.handlers.set(
        type,
        current.filter((h) => h !== handler),
      );
    };
  }

  /** Delivers `event` to its type's handlers; returns the errors any of them threw. */
  publish(event: E): unknown[] {
    this.published.set(event.type, (this.published.get(event.type) ?? 0) + 1);
    const errors: unknown[] = [];
    for (const handler of [...(this.handlers.get(event.type) ?? [])]) {
      try {
        handler(event);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  /** How many handlers listen to `type`. */
  subscribers(type: string): number {
    return this.handlers.get(type)?.length ?? 0;
  }
}
