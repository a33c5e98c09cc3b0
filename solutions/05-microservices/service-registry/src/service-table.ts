import type { InstanceRecord } from "./instance-record";
import type { Endpoint } from "./service-registry";

/** Instance ids in code-unit order, the same on every machine (no locale). */
function byInstanceId(a: Endpoint, b: Endpoint): number {
  return a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0;
}

const NONE: readonly Endpoint[] = Object.freeze([]);

/**
 * The live instances of one service, and the list discover() hands out, sorted and frozen, built
 * on the first discover() after a change and shared until the next one. A heartbeat that only
 * renews a lease changes nothing here, so the busy path (many discovers, steady heartbeats) sorts
 * nothing.
 */
export class ServiceTable {
  readonly instances = new Map<string, InstanceRecord>();
  private listed: readonly Endpoint[] | undefined = NONE;

  /** Call after anything that changes what discover() returns: an instance in or out, a status. */
  changed(): void {
    this.listed = undefined;
  }

  passing(): readonly Endpoint[] {
    if (this.listed === undefined) {
      const endpoints: Endpoint[] = [];
      for (const record of this.instances.values()) if (record.status === "passing") endpoints.push(record.endpoint);
      this.listed = endpoints.length === 0 ? NONE : Object.freeze(endpoints.sort(byInstanceId));
    }
    return this.listed;
  }

  static readonly EMPTY = NONE;
}
