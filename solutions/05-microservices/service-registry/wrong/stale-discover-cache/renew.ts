import type { InstanceRecord } from "../../src/instance-record";
import type { HealthStatus } from "../../src/service-registry";
import type { ServiceTable } from "../../src/service-table";

/**
 * A heartbeat's effect on its instance: the lease runs its own ttlMs from now, and a change of
 * status changes what discover() hands out for the service (a plain renewal does not).
 */
export function renew(record: InstanceRecord, status: HealthStatus, now: number, table: ServiceTable): void {
  // Wrong: the status changes, the list discover() hands out does not.
  void table;
  record.status = status;
  record.expiresAt = now + record.registration.ttlMs;
}
