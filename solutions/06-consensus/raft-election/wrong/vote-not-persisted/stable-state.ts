/**
 * The mistake: votedFor is not on stable storage when the reply granting it leaves (here it never
 * is: only the term is written). A server that votes, crashes and restarts has forgotten its vote
 * and can grant another in the same term: two candidates can each collect a majority.
 */
import type { StableStorage } from "#kata/sim";
import { saveTermAndVote as reference, type TermAndVote } from "../../src/stable-state";

export { loadTermAndVote, type TermAndVote } from "../../src/stable-state";

export function saveTermAndVote(storage: StableStorage, { term }: TermAndVote): void {
  reference(storage, { term, votedFor: null });
}
