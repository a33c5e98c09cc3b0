/** Tells the room someone joined before checking that the join can happen, so a refused join is announced too. */
import type { Connection } from "../../src/connection";
import { broadcast, sendTo } from "../../src/broadcast";
import { ChatError } from "../../src/errors";
import type { JoinFrame } from "../../src/frames";
import { Hub as ReferenceHub } from "../../src/hub";
import { Room } from "../../src/room";

export class Hub extends ReferenceHub {
  override join(connection: Connection, { room: name, name: member, after }: JoinFrame): void {
    let room = this.rooms.get(name);
    if (room === undefined) {
      room = new Room(name, this.settings.historySize);
      this.rooms.set(name, room);
    }
    broadcast(this, room, { type: "presence", room: name, event: "joined", name: member }, connection); // the mistake: first
    if (connection.rooms.has(name)) throw new ChatError("ALREADY_JOINED", `already in ${name}`);
    if (room.members.has(member)) throw new ChatError("NAME_TAKEN", `${member} is taken in ${name}`);
    room.members.set(member, connection);
    connection.rooms.set(name, member);
    const history = room.history.since(after, room.lastSeq);
    sendTo(this, connection, { type: "joined", room: name, name: member, members: [...room.members.keys()], history });
  }
}
