/** Numbers messages with one counter for the whole server instead of one per room. */
import type { Connection } from "../../src/connection";
import { broadcast } from "../../src/broadcast";
import { ChatError } from "../../src/errors";
import type { SayFrame } from "../../src/frames";
import { Hub as ReferenceHub } from "../../src/hub";

export class Hub extends ReferenceHub {
  private said = 0;

  override say(connection: Connection, { room: roomName, text }: SayFrame): void {
    const membership = connection.rooms.get(roomName);
    if (membership === undefined) throw new ChatError("NOT_A_MEMBER", `not in ${roomName}`);
    const { room, name } = membership;
    room.lastSeq = ++this.said; // the mistake: the server's count, not the room's
    const message = { type: "message", room: roomName, seq: room.lastSeq, from: name, text } as const;
    room.history.push(message);
    broadcast(this, room, message, connection);
  }
}
