/**
 * Drops a slow member the moment it is found, in the middle of a fan-out: the members after it
 * are told it left before they get the message that was being sent.
 */
import type { Connection } from "../../src/connection";
import type { ServerFrame } from "../../src/frames";
import type { Hub } from "../../src/hub";
import type { Room } from "../../src/room";

function deliver(hub: Hub, connection: Connection, bytes: Buffer): boolean {
  if (connection.socket.bufferedAmount + bytes.length > hub.settings.maxBufferedBytes) return false;
  connection.socket.send(bytes, { binary: false });
  return true;
}

export function broadcast(hub: Hub, room: Room, frame: ServerFrame, except: Connection | undefined): void {
  const bytes = Buffer.from(JSON.stringify(frame));
  for (const member of room.members.values()) {
    // The mistake: dropped at once, in the middle of the loop.
    if (member !== except && !deliver(hub, member, bytes)) hub.drop(member);
  }
}

export function sendTo(hub: Hub, connection: Connection, frame: ServerFrame): void {
  if (!deliver(hub, connection, Buffer.from(JSON.stringify(frame)))) hub.drop(connection);
}
