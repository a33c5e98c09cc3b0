/**
 * Wrong design: no versions. invalidate() deletes the entry and unregisters the running load, but
 * nothing marks that load as overtaken, so when it settles it writes the old value it read back
 * into the cache, where it stays for a whole TTL.
 */
export class KeyVersions {
  current(): number {
    return 0;
  }

  bump(): void {
    // The mistake: the loads running now are not marked as overtaken.
  }
}
