/**
 * The mistake: a nack is taken as the failure of the current attempt whichever attempt it names. A
 * late nack of attempt 1 arrives after attempt 2 went out: the producer sends attempt 3 at once
 * while attempt 2 is still running, or dead-letters a message whose last attempt may yet succeed.
 */
import { PendingMessage as Reference } from "../../src/pending-message";

export class PendingMessage extends Reference {
  override isCurrent(): boolean {
    return true;
  }
}
