/**
 * The mistake: when two values are concurrent, merge keeps one of them (the greater, so replicas
 * agree) instead of both: last-writer-wins under another name, and one customer's write is lost
 * without anybody being told.
 */
import { MvRegister as Reference, type MvEntry, type MvRegisterState } from "../../src/mv-register";

export type { MvEntry, MvRegisterState };

export class MvRegister<T> extends Reference<T> {
  override merge(state: MvRegisterState<T>): void {
    super.merge(state);
    const entries = this.state().entries;
    if (entries.length <= 1) return;
    const [kept] = [...entries].sort((a, b) => (JSON.stringify(a.value) < JSON.stringify(b.value) ? 1 : -1));
    // Start over from nothing and take the one value: its version still says what it saw.
    const fresh = new Reference<T>(this.replica);
    fresh.merge({ entries: kept === undefined ? [] : [kept] });
    Object.assign(this, fresh);
  }
}
