/**
 * Wrong design: a settled flight unregisters its key without checking it is still the key's
 * flight, as `flight.finally(() => inFlight.delete(key))` does. After an invalidate() a second
 * load is registered for the key; when the first, overtaken load settles, it removes the second,
 * and the next reader starts a third load instead of joining the one already running.
 */
import { SingleFlight as ReferenceSingleFlight } from "../../src/single-flight";

export class SingleFlight<T> extends ReferenceSingleFlight<T> {
  override share(key: string, load: () => Promise<T>): Promise<T> {
    const flight = super.share(key, load);
    const clear = (): void => this.forget(key);
    flight.then(clear, clear);
    return flight;
  }
}
