/**
 * Naive: every lease in a set, and every call scans them all for the ones that ended. Correct, and
 * O(instances) on every request: with 20,000 instances registered, each discover() reads 20,000
 * leases to find the few (usually none) that ended since the last call.
 */
export interface Leased {
  expiresAt: number;
  ticket: number;
}

export class LeaseQueue<T extends Leased> {
  private readonly leased = new Set<T>();

  push(item: T): void {
    item.ticket = 1;
    this.leased.add(item);
  }

  takeExpired(now: number, out: T[]): void {
    for (const item of this.leased) {
      if (item.ticket === 0) this.leased.delete(item);
      else if (item.expiresAt <= now) {
        this.leased.delete(item);
        out.push(item);
      }
    }
  }
}
