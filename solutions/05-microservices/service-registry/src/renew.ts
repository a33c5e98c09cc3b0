import type { InstanceRecord } from "./instance-record";
import type { HealthStatus } from "./service-registry";
import type { ServiceTable } from "./service-table";

/**
 * A heartbeat's effect on its instance: the lease runs its own ttlMs from now, and a change of
 * status changes what discover() hands out for the service (a plain renewal does not).
 */
export function renew(record: InstanceRecord, status: HealthStatus, now: number, table: ServiceTable): void {
  if (record.status !== status) {
    record.status = status;
    table.changed();
  }
  record.expiresAt = now + record.registration.ttlMs;
}
