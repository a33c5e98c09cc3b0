import type { TimerHandle } from "#kata/sim";
import type { Deliver } from "./messages";
import type { DeadLetter } from "./producer";

/**
 * One message the producer is responsible for until an ack settles it or it is dead-lettered: its
 * current attempt, the visibility timer of that attempt, and the latest error a nack reported.
 * The attempt counter lives here for the message's whole life; a redelivery raises it, never
 * restarts it, or a message that always fails would never reach the dead-letter queue.
 */
export class PendingMessage {
  attempt = 1;
  error: string | null = null;
  timer: TimerHandle | undefined;

  constructor(
    readonly key: string,
    readonly payload: string,
  ) {}

  /** The wire form of the current attempt. */
  deliver(): Deliver {
    return { type: "Deliver", key: this.key, attempt: this.attempt, payload: this.payload };
  }

  /** A nack for any other attempt is stale: that attempt already ended. */
  isCurrent(attempt: number): boolean {
    return attempt === this.attempt;
  }

  hasAttemptsLeft(maxAttempts: number): boolean {
    return this.attempt < maxAttempts;
  }

  nextAttempt(): void {
    this.attempt += 1;
  }

  /** The dead letter, with everything an operator needs: how often it was tried, how it ended, why. */
  deadLetter(lastAttempt: DeadLetter["lastAttempt"]): DeadLetter {
    return { key: this.key, payload: this.payload, attempts: this.attempt, lastAttempt, error: this.error };
  }
}
