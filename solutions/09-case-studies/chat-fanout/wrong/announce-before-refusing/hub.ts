/** Tells the room someone joined before checking that the join can happen, so a refused join is announced too. */
import type { Connection } from "../../src/connection";
import { broadcast, sendTo } from "../../src/broadcast";
import { ChatError } from "../../src/errors";
import type { JoinFrame } from "../../src/frames";
import { Hub as ReferenceHub } from "../../src/hub";
import { Room } from "../../src/room";

export class Hub extends ReferenceHub {
  override join(connection: Connection, { room: roomName, name, after }: JoinFrame): void {
    let room = this.rooms.get(roomName);
    if (room === undefined) {
      room = new Room(roomName, this.settings.historySize);
      this.rooms.set(roomName, room);
    }
    // The mistake: announced first, checked after.
    broadcast(this, room, { type: "presence", room: roomName, event: "joined", name }, connection);
    if (connection.rooms.has(roomName)) throw new ChatError("ALREADY_JOINED", `already in ${roomName}`);
    if (room.members.has(name)) throw new ChatError("NAME_TAKEN", `${name} is taken in ${roomName}`);
    room.members.set(name, connection);
    connection.rooms.set(roomName, { room, name });
    const history = room.history.since(after, room.lastSeq);
    sendTo(this, connection, { type: "joined", room: roomName, name, members: [...room.members.keys()], history });
  }
}
