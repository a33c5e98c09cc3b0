import type { Lease } from "../../src/load-balancer";

/** Wrong: every release() counts, so a request released twice makes its backend look idler. */
export function leaseOf(backend: string, onRelease: () => void): Lease {
  return {
    backend,
    release(): void {
      onRelease();
    },
  };
}
