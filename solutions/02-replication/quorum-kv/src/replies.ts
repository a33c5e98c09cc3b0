/**
 * The replicas a round has heard from, each counted once whatever the network does: a reply
 * delivered twice, or a second answer from the same replica, does not make a quorum.
 */
export class ReplyTally<T> {
  private readonly byReplica = new Map<string, T>();

  /** Records `replica`'s answer (its first one stands). */
  add(replica: string, answer: T): void {
    if (!this.byReplica.has(replica)) this.byReplica.set(replica, answer);
  }

  get count(): number {
    return this.byReplica.size;
  }

  entries(): [string, T][] {
    return [...this.byReplica];
  }
}
