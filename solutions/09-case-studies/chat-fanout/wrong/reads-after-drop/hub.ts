/**
 * Keeps reading frames from a connection it has dropped: a slow client's join, sent before it
 * read its close, puts it back in the room it was just taken out of, where nothing will ever
 * take it out again (its close event has nothing more to clean up).
 */
import type { Connection } from "../../src/connection";
import { sendTo } from "../../src/broadcast";
import { ChatError } from "../../src/errors";
import { parseClientFrame } from "../../src/parse-frame";
import { Hub as ReferenceHub } from "../../src/hub";

export class Hub extends ReferenceHub {
  override receive(connection: Connection, text: string | undefined): void {
    // The mistake: no check that the connection is still open.
    try {
      if (text === undefined) throw new ChatError("NOT_JSON", "a binary frame");
      const frame = parseClientFrame(text, this.settings.maxTextLength);
      if (frame.type === "join") this.join(connection, frame);
      else if (frame.type === "leave") this.leave(connection, frame.room);
      else if (frame.type === "say") this.say(connection, frame);
      else {
        const members = this.rooms.get(frame.room)?.members.keys();
        sendTo(this, connection, { type: "members", room: frame.room, members: members ? [...members] : [] });
      }
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      sendTo(this, connection, { type: "error", code: error.code, message: error.message });
    }
  }
}
