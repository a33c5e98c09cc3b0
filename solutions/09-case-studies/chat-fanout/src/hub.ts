import type WebSocket from "ws";
import { broadcast, sendTo } from "./broadcast";
import type { Connection } from "./connection";
import { ChatError } from "./errors";
import { CLOSE_TOO_SLOW, type JoinFrame, type SayFrame } from "./frames";
import { parseClientFrame } from "./parse-frame";
import { Room } from "./room";

/** The options once checked, every default filled in. */
export interface Settings {
  historySize: number;
  maxTextLength: number;
  maxBufferedBytes: number;
}

/** Every connection and every room, and what each kind of frame does to them. */
export class Hub {
  readonly rooms = new Map<string, Room>();
  readonly connections = new Set<Connection>();

  constructor(readonly settings: Settings) {}

  connect(socket: WebSocket): Connection {
    const connection: Connection = { socket, rooms: new Map(), alive: true, open: true };
    this.connections.add(connection);
    return connection;
  }

  /** One frame from a client: `text` undefined for a binary frame. A refusal is answered, and changes nothing. */
  receive(connection: Connection, text: string | undefined): void {
    if (!connection.open) return;
    try {
      if (text === undefined)
        throw new ChatError("NOT_JSON", "a binary frame: this server reads JSON text frames, one object each");
      const frame = parseClientFrame(text, this.settings.maxTextLength);
      switch (frame.type) {
        case "join":
          return this.join(connection, frame);
        case "leave":
          return this.leave(connection, frame.room);
        case "say":
          return this.say(connection, frame);
        case "who": {
          const members = this.rooms.get(frame.room)?.members.keys();
          return sendTo(this, connection, { type: "members", room: frame.room, members: members ? [...members] : [] });
        }
      }
    } catch (error) {
      if (!(error instanceof ChatError)) throw error;
      sendTo(this, connection, { type: "error", code: error.code, message: error.message });
    }
  }

  join(connection: Connection, { room: name, name: member, after }: JoinFrame): void {
    const held = connection.rooms.get(name);
    if (held !== undefined)
      throw new ChatError("ALREADY_JOINED", `this connection is already in ${name} as ${held}: leave it first`);
    let room = this.rooms.get(name);
    if (room?.members.has(member))
      throw new ChatError("NAME_TAKEN", `${member} is taken in ${name} by another connection: pick another name`);
    if (room === undefined) {
      room = new Room(name, this.settings.historySize);
      this.rooms.set(name, room);
    }
    room.members.set(member, connection);
    connection.rooms.set(name, member);
    const history = room.history.since(after, room.lastSeq);
    sendTo(this, connection, { type: "joined", room: name, name: member, members: [...room.members.keys()], history });
    broadcast(this, room, { type: "presence", room: name, event: "joined", name: member }, connection);
  }

  leave(connection: Connection, name: string): void {
    if (!connection.rooms.has(name))
      throw new ChatError("NOT_A_MEMBER", `this connection is not in ${name}: join it first`);
    this.remove(connection, name);
    sendTo(this, connection, { type: "left", room: name });
  }

  say(connection: Connection, { room: name, text }: SayFrame): void {
    const from = connection.rooms.get(name);
    const room = this.rooms.get(name);
    if (from === undefined || room === undefined)
      throw new ChatError("NOT_A_MEMBER", `this connection is not in ${name}: join it before saying anything there`);
    room.lastSeq += 1;
    const message = { type: "message", room: name, seq: room.lastSeq, from, text } as const;
    room.history.push(message);
    broadcast(this, room, message, connection);
  }

  /** Takes the connection out of one room and tells the members who stay. */
  protected remove(connection: Connection, name: string): void {
    const member = connection.rooms.get(name);
    const room = this.rooms.get(name);
    if (member === undefined || room === undefined) return;
    connection.rooms.delete(name);
    room.members.delete(member);
    broadcast(this, room, { type: "presence", room: name, event: "left", name: member }, undefined);
  }

  /** A connection that closed, or is being dropped: out of every room it is in; nothing more to or from it. */
  disconnect(connection: Connection): void {
    if (!connection.open) return;
    connection.open = false;
    this.connections.delete(connection);
    for (const name of connection.rooms.keys()) this.remove(connection, name);
  }

  /** A connection too slow to take its frames: out, and closed with CLOSE_TOO_SLOW after what it already has. */
  drop(connection: Connection): void {
    if (!connection.open) return;
    const unsent = connection.socket.bufferedAmount;
    this.disconnect(connection);
    connection.socket.close(CLOSE_TOO_SLOW, `too slow: ${unsent} bytes unsent`);
  }

  /** A heartbeat round: connections that did not answer the last ping are cut; the rest are pinged. */
  tick(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        this.disconnect(connection);
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
}
