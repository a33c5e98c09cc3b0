/**
 * A closed connection is taken out of the last room it joined only: the design that keeps one
 * `room` field per connection, grown to allow several rooms without growing its cleanup.
 */
import type { Connection } from "../../src/connection";
import { Hub as ReferenceHub } from "../../src/hub";

export class Hub extends ReferenceHub {
  override disconnect(connection: Connection): void {
    connection.open = false;
    this.connections.delete(connection);
    const latest = [...connection.rooms.values()].at(-1);
    if (latest !== undefined) this.leaveRooms(connection, [latest]); // the mistake: the others stay
  }
}
