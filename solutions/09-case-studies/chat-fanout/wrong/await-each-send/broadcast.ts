/**
 * Backpressure by awaiting each write: a room's frames go out one member at a time, each send
 * waiting for the last one to reach the socket (ws's send callback), and each frame waiting for
 * the one before. A member that stops reading stops its whole room, and since nothing piles up
 * in ws's buffer, it is never found too slow and dropped.
 */
import type { Connection } from "../../src/connection";
import type { ServerFrame } from "../../src/frames";
import type { Hub } from "../../src/hub";
import type { Room } from "../../src/room";

const tails = new WeakMap<Room, Promise<void>>();

function written(connection: Connection, bytes: Buffer): Promise<void> {
  return new Promise((done) => connection.socket.send(bytes, { binary: false }, () => done()));
}

export function broadcast(_hub: Hub, room: Room, frame: ServerFrame, except: Connection | undefined): void {
  const bytes = Buffer.from(JSON.stringify(frame));
  const members = [...room.members.values()];
  const previous = tails.get(room) ?? Promise.resolve();
  tails.set(
    room,
    previous.then(async () => {
      // The mistake: the next member, and the room's next frame, wait for this write.
      for (const member of members) if (member !== except && member.open) await written(member, bytes);
    }),
  );
}

export function sendTo(_hub: Hub, connection: Connection, frame: ServerFrame): void {
  connection.socket.send(Buffer.from(JSON.stringify(frame)), { binary: false });
}
