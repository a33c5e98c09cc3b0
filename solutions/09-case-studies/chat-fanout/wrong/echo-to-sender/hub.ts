/** Fans a message out to every member of the room, its sender included. */
import type { Connection } from "../../src/connection";
import { ChatError } from "../../src/errors";
import type { SayFrame } from "../../src/frames";
import { broadcast } from "../../src/broadcast";
import { Hub as ReferenceHub } from "../../src/hub";

export class Hub extends ReferenceHub {
  override say(connection: Connection, { room: roomName, text }: SayFrame): void {
    const membership = connection.rooms.get(roomName);
    if (membership === undefined) throw new ChatError("NOT_A_MEMBER", `not in ${roomName}`);
    const { room, name } = membership;
    room.lastSeq += 1;
    const message = { type: "message", room: roomName, seq: room.lastSeq, from: name, text } as const;
    room.history.push(message);
    broadcast(this, room, message, undefined); // the mistake: no one left out
  }
}
