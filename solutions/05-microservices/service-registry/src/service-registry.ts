import type { Server } from "node:http";
import { RegistryError } from "./errors";
import { endpointOf, infoOf, type InstanceRecord } from "./instance-record";
import { LeaseQueue } from "./lease-queue";
import { checkName } from "./names";
import { checkRegistration } from "./registration";
import { renew } from "./renew";
import { createRegistryHandler } from "./registry-http";
import { ServiceTable } from "./service-table";
import { settingsOf, type Settings } from "./settings";

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

export class ServiceRegistry {
  private readonly settings: Settings;
  private readonly tables = new Map<string, ServiceTable>();
  private readonly leases = new LeaseQueue<InstanceRecord>();
  private readonly expired: InstanceRecord[] = [];
  private live = 0;

  constructor(options: RegistryOptions = {}) {
    this.settings = settingsOf(options);
  }

  register(service: string, instanceId: string, registration: Registration): InstanceInfo {
    checkName("service", service);
    checkName("instanceId", instanceId);
    const checked = checkRegistration(registration, this.settings.defaultTtlMs, this.settings.maxTtlMs);
    const now = this.expire();
    let table = this.tables.get(service);
    if (table === undefined) {
      table = new ServiceTable();
      this.tables.set(service, table);
    }
    let record = table.instances.get(instanceId);
    if (record === undefined) {
      record = {
        service,
        instanceId,
        registration: checked,
        endpoint: endpointOf(instanceId, checked),
        status: "passing",
        expiresAt: now + checked.ttlMs,
        ticket: 0,
      };
      table.instances.set(instanceId, record);
      this.live++;
    } else {
      record.registration = checked;
      record.endpoint = endpointOf(instanceId, checked);
      record.status = "passing";
      record.expiresAt = now + checked.ttlMs;
    }
    table.changed();
    this.leases.push(record);
    return infoOf(record);
  }

  heartbeat(service: string, instanceId: string, status: HealthStatus = "passing"): InstanceInfo {
    checkName("service", service);
    checkName("instanceId", instanceId);
    if (status !== "passing" && status !== "critical") {
      throw new RegistryError(
        "INVALID_STATUS",
        `status ${JSON.stringify(status) ?? String(status)} is not a health status: send "passing" or "critical"`,
      );
    }
    const now = this.expire();
    const record = this.liveRecord(service, instanceId, "heartbeat");
    renew(record, status, now, this.tables.get(service) as ServiceTable);
    this.leases.push(record);
    return infoOf(record);
  }

  deregister(service: string, instanceId: string): void {
    checkName("service", service);
    checkName("instanceId", instanceId);
    this.expire();
    const record = this.liveRecord(service, instanceId, "deregister");
    record.ticket = 0; // its queued leases are stale now
    this.remove(record);
  }

  discover(service: string): readonly Endpoint[] {
    checkName("service", service);
    this.expire();
    return this.tables.get(service)?.passing() ?? ServiceTable.EMPTY;
  }

  services(): ServiceSummary[] {
    this.expire();
    const names = [...this.tables.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return names.map((name) => {
      const table = this.tables.get(name) as ServiceTable;
      return { service: name, passing: table.passing().length, registered: table.instances.size };
    });
  }

  get size(): number {
    this.expire();
    return this.live;
  }

  /** Drops every instance whose lease has ended (now >= expiresAt); returns now. */
  private expire(): number {
    const now = this.settings.clock();
    const expired = this.expired;
    this.leases.takeExpired(now, expired);
    for (const record of expired) this.remove(record);
    expired.length = 0;
    return now;
  }

  private remove(record: InstanceRecord): void {
    const table = this.tables.get(record.service) as ServiceTable;
    table.instances.delete(record.instanceId);
    this.live--;
    if (table.instances.size === 0) this.tables.delete(record.service);
    else table.changed();
  }

  private liveRecord(service: string, instanceId: string, call: string): InstanceRecord {
    const record = this.tables.get(service)?.instances.get(instanceId);
    if (record === undefined) {
      throw new RegistryError(
        "UNKNOWN_INSTANCE",
        `${call}: ${service}/${instanceId} is not registered (never registered, deregistered, or its lease ended): register it again`,
      );
    }
    return record;
  }
}

export function createRegistryServer(registry: ServiceRegistry): Server {
  return createRegistryHandler(registry);
}
