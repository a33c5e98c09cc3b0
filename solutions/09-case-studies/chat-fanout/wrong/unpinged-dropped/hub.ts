/**
 * A new connection starts out counted as not alive, so one that connects between two heartbeat
 * rounds is cut at the next one, before it was ever pinged.
 */
import type WebSocket from "ws";
import type { Connection } from "../../src/connection";
import { Hub as ReferenceHub } from "../../src/hub";

export class Hub extends ReferenceHub {
  override connect(socket: WebSocket): Connection {
    const connection = super.connect(socket);
    connection.alive = false;
    return connection;
  }
}
