/**
 * The naive single flight: the reference's, with every load behind one global lock (a promise
 * chain), the first design many reach for to "stop the stampede". Each key still loads once, so
 * every correctness test passes; but a burst of misses on 100 different keys now costs 100 load
 * latencies one after another instead of one, all in parallel. The lock needed to be per key, and
 * a per-key lock is exactly the map of running flights.
 */
import { SingleFlight as ReferenceSingleFlight } from "../src/single-flight";

export class SingleFlight<T> extends ReferenceSingleFlight<T> {
  private queue: Promise<unknown> = Promise.resolve();

  override share(key: string, load: () => Promise<T>): Promise<T> {
    return super.share(key, () => {
      const turn = this.queue.then(load);
      this.queue = turn.catch(() => undefined);
      return turn;
    });
  }
}
