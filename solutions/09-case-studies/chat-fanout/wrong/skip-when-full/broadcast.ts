/**
 * A frame that would overflow a slow client's buffer is skipped, and the client kept: it never
 * learns it missed anything.
 */
import type { Connection } from "../../src/connection";
import type { ServerFrame } from "../../src/frames";
import type { Hub } from "../../src/hub";
import type { Room } from "../../src/room";

function deliver(hub: Hub, connection: Connection, bytes: Buffer): void {
  if (connection.socket.bufferedAmount + bytes.length > hub.settings.maxBufferedBytes) return; // the mistake
  connection.socket.send(bytes, { binary: false });
}

export function broadcast(hub: Hub, room: Room, frame: ServerFrame, except: Connection | undefined): void {
  const bytes = Buffer.from(JSON.stringify(frame));
  for (const member of room.members.values()) if (member !== except) deliver(hub, member, bytes);
}

export function sendTo(hub: Hub, connection: Connection, frame: ServerFrame): void {
  deliver(hub, connection, Buffer.from(JSON.stringify(frame)));
}
