import type { Server } from "node:http";
import { notImplemented } from "#kata";
import { RegistryError } from "./errors";
// RegistryError is what the finished registry throws (see each method).

export { HTTP_STATUS, RegistryError, type RegistryErrorCode } from "./errors";
export { MAX_BODY_BYTES, readJsonBody, sendError, sendJson, type BodyResult } from "./http-json";

/** What an instance sends to register: where to reach it, and for how long its lease lasts. */
export interface Registration {
  /** A host name or address: a non-empty string of at most 253 characters, no whitespace. */
  host: string;
  /** An integer in 1..65535. */
  port: number;
  /**
   * The lease, ms: the instance is listed until this long after its last registration or heartbeat.
   * Default: the registry's defaultTtlMs.
   */
  ttlMs?: number;
  /** Free-form string labels (version, zone, weight): at most 32 entries, every value a string. */
  metadata?: Record<string, string>;
}

/** "passing" instances are discovered; "critical" ones stay registered but are not handed out. */
export type HealthStatus = "passing" | "critical";

/** An instance as the registry holds it. */
export interface InstanceInfo {
  service: string;
  instanceId: string;
  host: string;
  port: number;
  metadata: Readonly<Record<string, string>>;
  status: HealthStatus;
  ttlMs: number;
  /** The clock's time at which the lease ends: listed while now < expiresAt. */
  expiresAt: number;
}

/** What discover() hands a client: enough to connect, nothing that changes on every heartbeat. */
export interface Endpoint {
  instanceId: string;
  host: string;
  port: number;
  metadata: Readonly<Record<string, string>>;
}

/** A service and how many of its instances are listed (passing) and registered (passing or critical). */
export interface ServiceSummary {
  service: string;
  passing: number;
  registered: number;
}

export interface RegistryOptions {
  /** Milliseconds, injected; default Date.now. */
  clock?: () => number;
  /** The lease of a registration that names none, ms. Integer in [1_000, maxTtlMs], default 30_000. */
  defaultTtlMs?: number;
  /** The longest lease a registration may ask for, ms. Integer >= 1_000, default 300_000. */
  maxTtlMs?: number;
}

export const DEFAULTS = { defaultTtlMs: 30_000, maxTtlMs: 300_000, minTtlMs: 1_000 } as const;

/**
 * A service registry with leases, as Consul's TTL checks and Eureka's renewals work: an instance
 * registers under a service name and an instance id, and stays listed only while it renews its
 * lease with heartbeats. An instance that dies without deregistering disappears on its own when
 * its lease ends, to the millisecond: at `now >= expiresAt` it is gone from discover(), from
 * services(), from `size`, and a heartbeat for it answers UNKNOWN_INSTANCE.
 *
 * Names: a service name and an instance id are 1-64 characters of [A-Za-z0-9._-], starting with a
 * letter or a digit (INVALID_NAME otherwise). An instance id is unique within its service.
 *
 * Every method checks its arguments before it changes anything: a refused call changes nothing.
 */
export class ServiceRegistry {
  /** @throws RegistryError INVALID_OPTION for an option out of range (the message names it). */
  constructor(options: RegistryOptions = {}) {
    notImplemented("new ServiceRegistry()");
  }

  /**
   * Registers an instance, or replaces the registration of the same (service, instanceId): new
   * host, port, metadata and lease, status "passing". Its lease ends ttlMs from now.
   * @throws RegistryError INVALID_NAME; INVALID_REGISTRATION naming the field (host, port, ttlMs
   *   outside [1_000, maxTtlMs] or not an integer, metadata, or a registration that is not an object).
   */
  register(service: string, instanceId: string, registration: Registration): InstanceInfo {
    return notImplemented("ServiceRegistry.register");
  }

  /**
   * Renews the lease (ttlMs from now, the ttlMs it registered with) and sets its status.
   * @throws RegistryError INVALID_NAME; INVALID_STATUS; UNKNOWN_INSTANCE when there is no such
   *   instance or its lease has ended (the message says to register again).
   */
  heartbeat(service: string, instanceId: string, status: HealthStatus = "passing"): InstanceInfo {
    return notImplemented("ServiceRegistry.heartbeat");
  }

  /**
   * Removes an instance at once.
   * @throws RegistryError INVALID_NAME; UNKNOWN_INSTANCE when there is no such live instance.
   */
  deregister(service: string, instanceId: string): void {
    notImplemented("ServiceRegistry.deregister");
  }

  /**
   * The passing instances of a service whose lease has not ended, sorted by instanceId; empty for
   * a service nobody registered. This is the hot path: clients ask before every call or cache it.
   * @throws RegistryError INVALID_NAME.
   */
  discover(service: string): readonly Endpoint[] {
    return notImplemented("ServiceRegistry.discover");
  }

  /** Every service with at least one live instance, sorted by name. */
  services(): ServiceSummary[] {
    return notImplemented("ServiceRegistry.services");
  }

  /** How many live instances the registry holds: memory follows the live instances, not history. */
  get size(): number {
    return notImplemented("ServiceRegistry.size");
  }
}

/**
 * The registry's HTTP API (a server not yet listening). Bodies are JSON (readJsonBody, sendJson
 * and sendError are given); every error is `{ "error": CODE, "message": "..." }`.
 *
 * | request                                              | answer                                   |
 * |------------------------------------------------------|------------------------------------------|
 * | PUT /v1/services/{service}/instances/{id}  body: a Registration | 200 the InstanceInfo            |
 * | PUT /v1/services/{service}/instances/{id}/heartbeat  body: none or {"status": ...} | 200 the InstanceInfo |
 * | DELETE /v1/services/{service}/instances/{id}         | 204                                      |
 * | GET /v1/services/{service}                           | 200 {"service": name, "instances": Endpoint[]} |
 * | GET /v1/services                                     | 200 {"services": ServiceSummary[]}       |
 *
 * Path segments are percent-decoded before they are checked; a query string is ignored. Failures:
 * a RegistryError's code with HTTP_STATUS[code]; a body that is not JSON 400 INVALID_JSON, too
 * large 413 PAYLOAD_TOO_LARGE (from readJsonBody); a body that is JSON but not an object where
 * one is expected 400 INVALID_REGISTRATION (or INVALID_STATUS for a heartbeat); a path the API
 * does not have 404 NOT_FOUND; a known path with another method 405 METHOD_NOT_ALLOWED with an
 * `Allow` header listing the methods it takes.
 */
export function createRegistryServer(registry: ServiceRegistry): Server {
  return notImplemented("createRegistryServer");
}
