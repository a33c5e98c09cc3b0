/**
 * A counter per key, bumped by every invalidation: the in-process form of memcache's lease
 * (Nishtala et al., NSDI 2013). A load notes the key's version when it starts; when it settles,
 * its result may be stored only if the version is still the same. Otherwise an invalidation came
 * in between, and the load may carry the very value that invalidation replaced.
 */
export class KeyVersions {
  private readonly versions = new Map<string, number>();

  current(key: string): number {
    return this.versions.get(key) ?? 0;
  }

  /** Marks every load of `key` that is running now as overtaken. */
  bump(key: string): void {
    this.versions.set(key, this.current(key) + 1);
  }
}
