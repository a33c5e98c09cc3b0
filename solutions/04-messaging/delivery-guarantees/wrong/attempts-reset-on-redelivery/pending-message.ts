/**
 * The mistake: a redelivery is sent as a fresh copy of the message as it was published, so its
 * attempt counter is back at 1 every time. A message that fails on every attempt never reaches
 * maxAttempts and is redelivered forever; the dead-letter queue stays empty.
 */
import { PendingMessage as Reference } from "../../src/pending-message";

export class PendingMessage extends Reference {
  override nextAttempt(): void {
    this.attempt = 1;
  }
}
