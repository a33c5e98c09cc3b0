/**
 * Wrong design: the function that subscribe() returns is dropped, so close() has nothing to call.
 * A closed node stays on the bus: its handler runs on every write and keeps the node and its L1
 * from ever being collected.
 */
import { listenForInvalidations as listen } from "../../src/invalidation";

export { isForeignInvalidation } from "../../src/invalidation";

export function listenForInvalidations(...args: Parameters<typeof listen>): () => void {
  listen(...args);
  return () => undefined;
}
