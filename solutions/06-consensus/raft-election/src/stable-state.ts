import type { StableStorage } from "#kata/sim";

/**
 * The part of a Raft server's state that must survive a crash (figure 2's "persistent state"):
 * the current term and the vote cast in it. A server writes both before any message that depends
 * on them leaves it, and reads them back when it restarts; a server that forgot its vote could
 * vote twice in one term, and two candidates could each win it.
 */
export interface TermAndVote {
  term: number;
  votedFor: string | null;
}

const TERM = "currentTerm";
const VOTED_FOR = "votedFor";

/** What the server wrote before it last stopped; term 0 and no vote on first boot. */
export function loadTermAndVote(storage: StableStorage): TermAndVote {
  return { term: storage.get<number>(TERM) ?? 0, votedFor: storage.get<string | null>(VOTED_FOR) ?? null };
}

export function saveTermAndVote(storage: StableStorage, { term, votedFor }: TermAndVote): void {
  storage.set(TERM, term);
  storage.set(VOTED_FOR, votedFor);
}
