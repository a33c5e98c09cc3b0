import type { CheckedRegistration } from "./registration";
import type { Endpoint, HealthStatus, InstanceInfo } from "./service-registry";

/** One live instance, as the registry holds it. */
export interface InstanceRecord {
  readonly service: string;
  readonly instanceId: string;
  registration: CheckedRegistration;
  /** What discover() hands out for it: made once per registration, frozen. */
  endpoint: Endpoint;
  status: HealthStatus;
  expiresAt: number;
  ticket: number;
}

export function endpointOf(instanceId: string, registration: CheckedRegistration): Endpoint {
  return Object.freeze({
    instanceId,
    host: registration.host,
    port: registration.port,
    metadata: registration.metadata,
  });
}

export function infoOf(record: InstanceRecord): InstanceInfo {
  const { host, port, metadata, ttlMs } = record.registration;
  return {
    service: record.service,
    instanceId: record.instanceId,
    host,
    port,
    metadata,
    status: record.status,
    ttlMs,
    expiresAt: record.expiresAt,
  };
}
