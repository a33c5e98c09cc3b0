import type { InstanceRecord } from "../../src/instance-record";
import { DEFAULTS, type HealthStatus } from "../../src/service-registry";
import type { ServiceTable } from "../../src/service-table";

/**
 * A heartbeat's effect on its instance: the lease runs its own ttlMs from now, and a change of
 * status changes what discover() hands out for the service (a plain renewal does not).
 */
export function renew(record: InstanceRecord, status: HealthStatus, now: number, table: ServiceTable): void {
  if (record.status !== status) {
    record.status = status;
    table.changed();
  }
  // Wrong: renewed by the default lease, not the ttlMs the instance registered with.
  record.expiresAt = now + DEFAULTS.defaultTtlMs;
}
