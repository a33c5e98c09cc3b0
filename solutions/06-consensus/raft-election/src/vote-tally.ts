/**
 * A candidate's count of the votes granted to it in one term. Voters are kept in a set, so a reply
 * the network delivered twice counts once. A majority is of the whole cluster, up or not: more
 * than half of it, so any two majorities share a server.
 */
export class VoteTally {
  private readonly voters = new Set<string>();

  constructor(
    readonly clusterSize: number,
    self: string,
  ) {
    this.voters.add(self);
  }

  /** Votes so far, the candidate's own included. */
  get count(): number {
    return this.voters.size;
  }

  add(voter: string): void {
    this.voters.add(voter);
  }

  hasMajority(): boolean {
    return this.count * 2 > this.clusterSize;
  }
}
