/**
 * The mistake: half of the cluster counts as a majority (`votes >= size / 2`). With an odd
 * cluster it makes no difference; with 4 servers, 2 votes win, and two candidates with 2 votes
 * each both lead the same term.
 */
import { VoteTally as Reference } from "../../src/vote-tally";

export class VoteTally extends Reference {
  override hasMajority(): boolean {
    return this.count * 2 >= this.clusterSize;
  }
}
