import { Backend, type Strategy } from "./backend";
import { LoadBalancerError } from "./errors";
import { HashRing } from "./hash-ring";
import { leaseOf } from "./lease";
import { LeastConnections } from "./least-connections";
import { PowerOfTwo } from "./power-of-two";
import { RandomChoice } from "./random-choice";
import { RoundRobin } from "./round-robin";
import { SmoothWeighted } from "./smooth-weighted";

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

function strategyFor(algorithm: Algorithm, random: () => number, virtualNodes: number): Strategy {
  switch (algorithm) {
    case "round-robin":
      return new RoundRobin();
    case "random":
      return new RandomChoice(random);
    case "least-connections":
      return new LeastConnections();
    case "smooth-weighted":
      return new SmoothWeighted();
    case "consistent-hash":
      return new HashRing(virtualNodes);
    case "power-of-two":
      return new PowerOfTwo(random);
  }
}

function isWholeInRange(value: unknown, low: number, high: number): boolean {
  return Number.isInteger(value) && (value as number) >= low && (value as number) <= high;
}

/**
 * Spreads requests over a changing set of backends by one of six algorithms: the list, health
 * and in-flight counts live here; each algorithm's choice lives in its own strategy module.
 */
export class LoadBalancer {
  private readonly list: Backend[] = [];
  private readonly byId = new Map<string, Backend>();
  private readonly strategy: Strategy;
  private readonly algorithm: Algorithm;
  private nextOrder = 0;

  constructor(algorithm: Algorithm, backends: readonly BackendSpec[], options: LoadBalancerOptions = {}) {
    if (!ALGORITHMS.includes(algorithm))
      throw new LoadBalancerError(
        "UNKNOWN_ALGORITHM",
        `no algorithm ${JSON.stringify(algorithm)}; choose one of ${ALGORITHMS.join(", ")}`,
      );
    if (!Array.isArray(backends) || backends.length === 0)
      throw new LoadBalancerError("INVALID_OPTION", "a load balancer needs at least one backend to send requests to");
    const virtualNodes = options.virtualNodes ?? 100;
    if (!isWholeInRange(virtualNodes, 1, 1000))
      throw new LoadBalancerError(
        "INVALID_OPTION",
        `virtualNodes must be a whole number from 1 to 1,000, got ${String(virtualNodes)}; about 100 spreads keys within a few percent`,
      );
    const ids = new Set<string>();
    for (const spec of backends) {
      checkSpec(spec);
      if (ids.has(spec.id)) throw duplicate(spec.id);
      ids.add(spec.id);
    }
    this.algorithm = algorithm;
    this.strategy = strategyFor(algorithm, options.random ?? Math.random, virtualNodes);
    for (const spec of backends) this.insert(spec);
  }

  pick(key?: string): Lease {
    if (this.algorithm === "consistent-hash" && (typeof key !== "string" || key === ""))
      throw new LoadBalancerError(
        "KEY_REQUIRED",
        "consistent-hash needs the request's key, such as a user or session id: pick(key), a non-empty string",
      );
    const backend = this.strategy.choose(this.list, key);
    if (backend === undefined)
      throw new LoadBalancerError(
        "NO_HEALTHY_BACKEND",
        this.list.length === 0
          ? "no backend is left to pick; add() one"
          : `all ${this.list.length} backends are marked down; mark one up with setHealthy(id, true) once it passes its health check`,
      );
    backend.inFlight += 1;
    this.strategy.loadChanged?.(backend);
    return leaseOf(backend.id, () => {
      // The lease holds the record, not the id: for a removed backend it changes only that record,
      // which nothing reads any more, never a newcomer with the same id.
      backend.inFlight -= 1;
      this.strategy.loadChanged?.(backend);
    });
  }

  add(backend: BackendSpec): void {
    checkSpec(backend);
    if (this.byId.has(backend.id)) throw duplicate(backend.id);
    this.insert(backend);
  }

  remove(id: string): void {
    const backend = this.find(id);
    const index = this.list.indexOf(backend);
    this.list.splice(index, 1);
    this.byId.delete(id);
    this.strategy.removed?.(backend, index);
  }

  setHealthy(id: string, healthy: boolean): void {
    const backend = this.find(id);
    backend.healthy = healthy; // the strategies take a repeated verdict as no change
    this.strategy.healthChanged?.(backend);
  }

  inFlight(id: string): number {
    return this.find(id).inFlight;
  }

  backends(): string[] {
    return this.list.map((backend) => backend.id);
  }

  private insert(spec: BackendSpec): void {
    const backend = new Backend(spec.id, spec.weight ?? 1, this.nextOrder++);
    this.list.push(backend);
    this.byId.set(backend.id, backend);
    this.strategy.added?.(backend);
  }

  private find(id: string): Backend {
    const backend = this.byId.get(id);
    if (backend === undefined)
      throw new LoadBalancerError(
        "UNKNOWN_BACKEND",
        `no backend ${JSON.stringify(id)}; the backends are ${this.backends().join(", ") || "none"}`,
      );
    return backend;
  }
}

function checkSpec(spec: BackendSpec): void {
  if (typeof spec.id !== "string" || spec.id === "")
    throw new LoadBalancerError("INVALID_BACKEND", 'a backend needs a non-empty string id, such as "10.0.0.7:8080"');
  if (spec.weight !== undefined && !isWholeInRange(spec.weight, 1, 1000))
    throw new LoadBalancerError(
      "INVALID_BACKEND",
      `backend ${JSON.stringify(spec.id)}: weight must be a whole number from 1 to 1,000, got ${String(spec.weight)}; to stop sending it requests, remove it or mark it down`,
    );
}

function duplicate(id: string): LoadBalancerError {
  return new LoadBalancerError(
    "DUPLICATE_BACKEND",
    `backend ${JSON.stringify(id)} is already there; ids must be unique`,
  );
}
