/**
 * The broadcast of ws's own README, grown rooms: walk every connection on the server, keep those
 * in the room, and send each one `JSON.stringify(frame)` (which ws then encodes again). Correct,
 * and the obvious first version. Its cost per message is one serialisation and one encoding per
 * recipient instead of one in all, plus a check of every connection on the server, not only the
 * room's members: with the bench's rooms of 32 and messages of 10,000 characters, 31 times the
 * expensive part of a message.
 */
import type { Connection } from "../src/connection";
import type { ServerFrame } from "../src/frames";
import type { Hub } from "../src/hub";
import type { Room } from "../src/room";

function deliver(hub: Hub, connection: Connection, text: string): boolean {
  if (connection.socket.bufferedAmount + Buffer.byteLength(text) > hub.settings.maxBufferedBytes) return false;
  connection.socket.send(text);
  return true;
}

export function broadcast(hub: Hub, room: Room, frame: ServerFrame, except: Connection | undefined): void {
  const slow: Connection[] = [];
  for (const connection of hub.connections)
    if (connection !== except && connection.rooms.has(room.name) && !deliver(hub, connection, JSON.stringify(frame)))
      slow.push(connection);
  for (const connection of slow) hub.drop(connection);
}

export function sendTo(hub: Hub, connection: Connection, frame: ServerFrame): void {
  if (!deliver(hub, connection, JSON.stringify(frame))) hub.drop(connection);
}
