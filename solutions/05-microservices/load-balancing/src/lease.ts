import { LoadBalancerError } from "./errors";
import type { Lease } from "./load-balancer";

/**
 * A lease whose first release() runs `onRelease` and whose second is an error: counting a
 * finished request twice would make a busy backend look idle.
 */
export function leaseOf(backend: string, onRelease: () => void): Lease {
  let released = false;
  return {
    backend,
    release(): void {
      if (released)
        throw new LoadBalancerError(
          "ALREADY_RELEASED",
          `this request to ${backend} was already released; call release() once per pick, when the request finishes`,
        );
      released = true;
      onRelease();
    },
  };
}
