/**
 * The naive read-through cache: the reference's single flight and policies, with every load behind
 * one global lock (a promise chain), the first design many reach for to "stop the stampede". Each
 * key still loads once, so every correctness test passes; but a burst of misses on 100 different
 * keys now costs 100 load latencies one after another instead of one, all in parallel.
 */
import { CacheAside as ReferenceCacheAside } from "../src/cache-aside";

export type { CacheAsideOptions, CacheAsideStats, Loader } from "../src/cache-aside";

export class CacheAside<V> extends ReferenceCacheAside<V> {
  private queue: Promise<unknown> = Promise.resolve();

  protected override runLoader(key: string): Promise<V | undefined> {
    const turn = this.queue.then(() => super.runLoader(key));
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
