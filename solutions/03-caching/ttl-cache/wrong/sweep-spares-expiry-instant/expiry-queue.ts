/**
 * The mistake: the sweep's loop compares `expiresAt < now` while reads use `expiresAt <= now`. An
 * entry that expires at exactly the sweep's instant is left behind (and counted in `size`), though
 * a `get` at that instant already calls it gone. (With whole-millisecond clocks, expiresAt < now
 * is expiresAt <= now - 1.)
 */
import { ExpiryQueue as Reference } from "../../src/expiry-queue";
import type { Entry } from "../../src/expiry";

export class ExpiryQueue<K, V> extends Reference<K, V> {
  override takeExpired(now: number): Entry<K, V>[] {
    return super.takeExpired(now - 1);
  }
}
