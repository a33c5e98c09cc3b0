/**
 * The mistake: a state replaces the current write only when its timestamp is strictly greater;
 * on equal timestamps each replica keeps whichever write it saw first, so two replicas that saw
 * two same-millisecond writes in different orders disagree forever.
 */
import { LwwRegister as Reference, type LwwEntry, type LwwRegisterState } from "../../src/lww-register";

export type { LwwEntry, LwwRegisterState };

export class LwwRegister<T> extends Reference<T> {
  override merge(state: LwwRegisterState<T>): void {
    const mine = this.state().entry;
    const theirs = state.entry;
    if (theirs === null || (mine !== null && theirs.timestamp <= mine.timestamp)) return;
    super.merge(state);
  }
}
