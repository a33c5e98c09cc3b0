/**
 * The mistake: a write is stamped with the replica's clock as it is. A replica whose clock runs
 * behind writes "after" a value it has read, stamps it earlier, and its own write loses: the
 * user's edit vanishes on every replica.
 */
import { LwwRegister as Reference, type LwwEntry, type LwwRegisterState } from "../../src/lww-register";

export type { LwwEntry, LwwRegisterState };

export class LwwRegister<T> extends Reference<T> {
  override set(value: T, now: number): void {
    const fresh = new Reference<T>(this.replica);
    fresh.set(value, now);
    // The write keeps `now` as its stamp, whatever this replica has seen: it may lose at once.
    super.merge(fresh.state());
  }
}
