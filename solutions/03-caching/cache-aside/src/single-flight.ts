/**
 * One load per key at a time. The first reader of a missing key starts the load; every reader of
 * that key while it runs gets the same promise, so a stampede of N readers costs one load.
 *
 * A flight stays registered until it settles, whichever way: a failed flight left behind would
 * hand its old rejection to every later reader. And it unregisters itself only while it is still
 * the key's flight: forget() may have replaced it with a newer one, which must stay.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  /** The load running for `key`, or a new one from `load()`, registered until it settles. */
  share(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.flights.get(key);
    if (running !== undefined) return running;
    const flight = load();
    this.flights.set(key, flight);
    const release = (): void => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    };
    flight.then(release, release);
    return flight;
  }

  /**
   * Unregisters `key`'s flight without waiting for it: it still answers the readers that joined
   * it, but the next reader starts a new load (one that sees whatever changed).
   */
  forget(key: string): void {
    this.flights.delete(key);
  }
}
