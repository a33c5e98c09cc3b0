/**
 * Wrong design: a flight is unregistered only when it succeeds, the way
 *
 *     const flight = load(key).then((v) => { inFlight.delete(key); return v; });
 *     inFlight.set(key, flight);
 *
 * does it. A failed load stays registered, so every later reader of the key joins it and gets its
 * old rejection, without ever calling the loader again (until an invalidate() clears it).
 */
import { SingleFlight as ReferenceSingleFlight } from "../../src/single-flight";

export class SingleFlight<T> extends ReferenceSingleFlight<T> {
  private readonly failed = new Map<string, Promise<T>>();

  override share(key: string, load: () => Promise<T>): Promise<T> {
    const flight = this.failed.get(key) ?? super.share(key, load);
    flight.catch(() => this.failed.set(key, flight));
    return flight;
  }

  override forget(key: string): void {
    this.failed.delete(key);
    super.forget(key);
  }
}
