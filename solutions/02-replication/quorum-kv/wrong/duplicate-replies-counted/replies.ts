/**
 * The mistake: a round counts replies, not replicas. A reply the network delivered twice (or a
 * replica that answered twice) counts twice, and a round "reaches a quorum" with fewer replicas
 * than it needs: a read can miss a completed write, a put can be acknowledged by a minority.
 */
import { ReplyTally as Reference } from "../../src/replies";

export class ReplyTally<T> extends Reference<T> {
  private replies = 0;

  override add(replica: string, answer: T): void {
    this.replies += 1;
    super.add(replica, answer);
  }

  override get count(): number {
    return this.replies;
  }
}
