/**
 * The mistake: the dead-letter queue records that the producer gave up, not why: every dead letter
 * reads "timed-out" with no error, so a poison message (rejected on every attempt with the same
 * error) looks exactly like a consumer outage.
 */
import type { DeadLetter } from "../../src/producer";
import { PendingMessage as Reference } from "../../src/pending-message";

export class PendingMessage extends Reference {
  override deadLetter(): DeadLetter {
    return { key: this.key, payload: this.payload, attempts: this.attempt, lastAttempt: "timed-out", error: null };
  }
}
