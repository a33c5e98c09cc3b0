import { notImplemented } from "#kata";
import { hash32 } from "#kata/hash32";
import { LoadBalancerError } from "./errors";
// LoadBalancerError is what the finished balancer throws (see each method); hash32 is given for
// consistent-hash: FNV-1a + fmix32, an unsigned 32-bit integer, the same on every machine.

/** The six ways to choose a backend, each with its own promise (see the README's Rules). */
export type Algorithm =
  | "round-robin" // each healthy backend in turn, in list order
  | "random" // uniformly among the healthy backends
  | "least-connections" // the healthy backend with the fewest requests in flight
  | "smooth-weighted" // nginx's smooth weighted round robin: shares by weight, interleaved
  | "consistent-hash" // the same key to the same backend; a change moves only the keys it must
  | "power-of-two"; // two distinct random candidates, the one with fewer in flight

export const ALGORITHMS: readonly Algorithm[] = [
  "round-robin",
  "random",
  "least-connections",
  "smooth-weighted",
  "consistent-hash",
  "power-of-two",
];

export interface BackendSpec {
  /** Unique, non-empty: "10.0.0.7:8080". */
  readonly id: string;
  /** A whole number from 1 to 1,000 (default 1). Only smooth-weighted uses it. */
  readonly weight?: number;
}

export interface LoadBalancerOptions {
  /** A source of numbers in [0, 1), for random and power-of-two. Default: Math.random. */
  readonly random?: () => number;
  /** Points per backend on the consistent-hash ring: a whole number from 1 to 1,000 (default 100). */
  readonly virtualNodes?: number;
}

/** One request sent to one backend. Call release() once, when the request has finished. */
export interface Lease {
  readonly backend: string;
  /** @throws LoadBalancerError ALREADY_RELEASED on a second call (the first one counted). */
  release(): void;
}

/**
 * Spreads requests over a changing set of backends by one of six algorithms.
 *
 * Every algorithm skips backends marked down, counts each backend's requests in flight (a pick
 * adds one, its lease's release() takes it away), and takes backends added and removed at any
 * time. A lease of a removed backend may still be released: it changes nothing, and never the
 * count of a backend later added under the same id.
 */
export class LoadBalancer {
  /**
   * @throws LoadBalancerError UNKNOWN_ALGORITHM, INVALID_OPTION, INVALID_BACKEND or DUPLICATE_BACKEND.
   */
  constructor(algorithm: Algorithm, backends: readonly BackendSpec[], options: LoadBalancerOptions = {}) {
    notImplemented("new LoadBalancer()");
  }

  /**
   * Chooses a backend for one request and counts it in flight there.
   * @param key the request's affinity key (a user or session id): required by consistent-hash,
   *   ignored by the others.
   * @throws LoadBalancerError KEY_REQUIRED or NO_HEALTHY_BACKEND.
   */
  pick(key?: string): Lease {
    return notImplemented("LoadBalancer.pick");
  }

  /**
   * Adds a backend at the end of the list, up and with nothing in flight.
   * @throws LoadBalancerError INVALID_BACKEND or DUPLICATE_BACKEND.
   */
  add(backend: BackendSpec): void {
    notImplemented("LoadBalancer.add");
  }

  /**
   * Removes a backend; its leases may still be released, harmlessly.
   * @throws LoadBalancerError UNKNOWN_BACKEND.
   */
  remove(id: string): void {
    notImplemented("LoadBalancer.remove");
  }

  /**
   * Marks a backend up or down (a health checker's verdict). A down backend is never picked
   * and keeps its requests in flight.
   * @throws LoadBalancerError UNKNOWN_BACKEND.
   */
  setHealthy(id: string, healthy: boolean): void {
    notImplemented("LoadBalancer.setHealthy");
  }

  /**
   * Requests picked for this backend and not yet released.
   * @throws LoadBalancerError UNKNOWN_BACKEND.
   */
  inFlight(id: string): number {
    return notImplemented("LoadBalancer.inFlight");
  }

  /** The backends' ids, in list order (the order they were given or added in). */
  backends(): string[] {
    return notImplemented("LoadBalancer.backends");
  }
}
