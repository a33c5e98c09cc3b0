/**
 * The mistake: blocked producers wait on a stack. Each ack admits the producer that blocked last,
 * so under steady pressure the first producer to block can wait forever.
 */
import type { WaitingProducer } from "../../src/waiting-producers";

export type { WaitingProducer } from "../../src/waiting-producers";

export class WaitingProducers<T> {
  private readonly stack: WaitingProducer<T>[] = [];

  get length(): number {
    return this.stack.length;
  }

  wait(body: T): Promise<number> {
    return new Promise<number>((resolve) => {
      this.stack.push({ body, admitted: resolve });
    });
  }

  next(): WaitingProducer<T> | undefined {
    return this.stack.pop();
  }
}
