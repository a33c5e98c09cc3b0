import { Ring } from "./ring";

/**
 * The producers blocked on a full queue (policy "block"), first come, first served. Each waits
 * with its message; when an ack makes room, the queue takes the first waiter's message in at once
 * and only then resolves its promise, so no send made in between can take the place.
 */
export interface WaitingProducer<T> {
  readonly body: T;
  /** The message is in the queue with this id: the producer's promise resolves with it. */
  admitted(id: number): void;
}

export class WaitingProducers<T> {
  private readonly line = new Ring<WaitingProducer<T>>();

  get length(): number {
    return this.line.length;
  }

  /** A producer blocks: the promise resolves with the message's id once it is in the queue. */
  wait(body: T): Promise<number> {
    return new Promise<number>((resolve) => {
      this.line.push({ body, admitted: resolve });
    });
  }

  /** The producer that has waited longest, out of the line; undefined when none waits. */
  next(): WaitingProducer<T> | undefined {
    return this.line.shift();
  }
}
