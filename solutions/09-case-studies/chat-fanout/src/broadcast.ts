import type { Connection } from "./connection";
import type { ServerFrame } from "./frames";
import type { Hub } from "./hub";
import type { Room } from "./room";

const TEXT = { binary: false };

/**
 * Queues `bytes` on the connection unless that would take its unsent bytes past the limit: a
 * client that reads too slowly must not make the server hold an unbounded queue for it.
 * @returns false when refused; the caller drops the connection.
 */
function deliver(hub: Hub, connection: Connection, bytes: Buffer): boolean {
  if (connection.socket.bufferedAmount + bytes.length > hub.settings.maxBufferedBytes) return false;
  connection.socket.send(bytes, TEXT);
  return true;
}

/**
 * `frame` to every member of `room` but `except`, serialised once: the per-recipient cost is one
 * framed write. Members found too slow are dropped after the loop, so every member that stays
 * sees this frame before the notice that one left.
 */
export function broadcast(hub: Hub, room: Room, frame: ServerFrame, except: Connection | undefined): void {
  const bytes = Buffer.from(JSON.stringify(frame));
  let slow: Connection[] | undefined;
  for (const member of room.members.values())
    if (member !== except && !deliver(hub, member, bytes)) (slow ??= []).push(member);
  if (slow) for (const member of slow) hub.drop(member);
}

/** `frame` to one connection; dropped if it is too slow to take it. */
export function sendTo(hub: Hub, connection: Connection, frame: ServerFrame): void {
  if (!deliver(hub, connection, Buffer.from(JSON.stringify(frame)))) hub.drop(connection);
}
