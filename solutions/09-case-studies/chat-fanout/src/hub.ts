import type WebSocket from "ws";
import { broadcast, sendTo } from "./broadcast";
import type { Connection, Membership } from "./connection";
import { ChatError } from "./errors";
import { CLOSE_TOO_SLOW, type JoinFrame, type SayFrame } from "./frames";
import { parseClientFrame } from "./parse-frame";
import { Room } from "./room";
import type { Settings } from "./settings";

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

  join(connection: Connection, { room: roomName, name, after }: JoinFrame): void {
    const held = connection.rooms.get(roomName);
    if (held !== undefined)
      throw new ChatError(
        "ALREADY_JOINED",
        `this connection is already in ${roomName} as ${held.name}: leave it first`,
      );
    let room = this.rooms.get(roomName);
    if (room?.members.has(name))
      throw new ChatError("NAME_TAKEN", `${name} is taken in ${roomName} by another connection: pick another name`);
    if (room === undefined) {
      room = new Room(roomName, this.settings.historySize);
      this.rooms.set(roomName, room);
    }
    room.members.set(name, connection);
    connection.rooms.set(roomName, { room, name });
    const history = room.history.since(after, room.lastSeq);
    sendTo(this, connection, { type: "joined", room: roomName, name, members: [...room.members.keys()], history });
    // A joined frame over the bound drops its joiner: then there is no join to announce.
    if (connection.open) broadcast(this, room, { type: "presence", room: roomName, event: "joined", name }, connection);
  }

  leave(connection: Connection, roomName: string): void {
    const membership = connection.rooms.get(roomName);
    if (membership === undefined)
      throw new ChatError("NOT_A_MEMBER", `this connection is not in ${roomName}: join it first`);
    this.leaveRooms(connection, [membership]);
    sendTo(this, connection, { type: "left", room: roomName });
  }

  say(connection: Connection, { room: roomName, text }: SayFrame): void {
    const membership = connection.rooms.get(roomName);
    if (membership === undefined)
      throw new ChatError(
        "NOT_A_MEMBER",
        `this connection is not in ${roomName}: join it before saying anything there`,
      );
    const { room, name } = membership;
    room.lastSeq += 1;
    const message = { type: "message", room: roomName, seq: room.lastSeq, from: name, text } as const;
    room.history.push(message);
    broadcast(this, room, message, connection);
  }

  /**
   * Takes the connection out of these rooms, then tells the members who stay: out of all of them
   * first, so that no notice (nor the drop of a slow member it may cause) can reach it.
   */
  protected leaveRooms(connection: Connection, memberships: Membership[]): void {
    for (const { room, name } of memberships) {
      connection.rooms.delete(room.name);
      room.members.delete(name);
    }
    for (const { room, name } of memberships)
      broadcast(this, room, { type: "presence", room: room.name, event: "left", name }, undefined);
  }

  /** A connection that closed, or is being dropped: out of every room it is in; nothing more to or from it. */
  disconnect(connection: Connection): void {
    connection.open = false;
    this.connections.delete(connection);
    this.leaveRooms(connection, [...connection.rooms.values()]);
  }

  /** A connection too slow for its frames: out of its rooms now, closed with CLOSE_TOO_SLOW after what it has. */
  drop(connection: Connection): void {
    const unsent = connection.socket.bufferedAmount;
    this.disconnect(connection);
    connection.socket.close(CLOSE_TOO_SLOW, `too slow: ${unsent} bytes unsent`);
  }

  /**
   * A heartbeat round: a connection that did not answer the last ping is cut (its close event
   * takes it out of its rooms); every other one is pinged.
   */
  tick(): void {
    for (const connection of this.connections)
      if (connection.alive) {
        connection.alive = false;
        connection.socket.ping();
      } else connection.socket.terminate();
  }
}
