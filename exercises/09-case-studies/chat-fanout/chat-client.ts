/**
 * Given test helper: a chat client that records every frame it receives, and a testbed that
 * starts servers on 127.0.0.1 and closes them (and every client) after each test.
 *
 * Nothing here sleeps. `sync()` is a WebSocket ping: ws answers it with a pong once every frame
 * the client sent before it has been read, and the pong travels behind every frame the server
 * sent to this client before it. So after `await a.sync()`, the server has handled all that `a`
 * sent, and `a` holds all the server wrote to it until then. `settle(a, b)` does that for a, then
 * b: whatever a's frames made the server send to b has arrived at b.
 */
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import WebSocket from "ws";
import { closeServer, flushPromises, listenOnLoopback } from "#kata/testing";
import {
  createChatFanoutServer,
  type ChatServerOptions,
  type ErrorFrame,
  type HeartbeatTimer,
  type JoinedFrame,
  type MembersFrame,
  type MessageFrame,
  type PresenceFrame,
  type ServerFrame,
} from "./src/chat-fanout";

export interface Closed {
  code: number;
  reason: string;
}

export class ChatClient {
  /** Every frame received, in order, parsed. */
  readonly frames: ServerFrame[] = [];
  /** Resolves when the connection closes, with the close code (1006 when it was cut without one). */
  readonly closed: Promise<Closed>;
  /** Heartbeat pings received from the server. */
  pings = 0;
  /** Frames the server sent as binary: the protocol's frames are text. */
  binaryFrames = 0;
  private readonly pongs: (() => void)[] = [];
  private readonly waiters: { test: (frame: ServerFrame) => boolean; resolve: (frame: ServerFrame) => void }[] = [];
  /** The close, once it has happened. */
  closedWith: Closed | undefined;

  constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) =>
      socket.once("close", (code, reason) => {
        this.closedWith = { code, reason: String(reason) };
        for (const pong of this.pongs.splice(0)) pong();
        resolve(this.closedWith);
      }),
    );
    socket.on("error", () => undefined); // a close follows
    socket.on("ping", () => (this.pings += 1));
    socket.on("pong", () => this.pongs.shift()?.());
    socket.on("message", (data, isBinary) => {
      if (isBinary) this.binaryFrames += 1;
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      for (const waiter of [...this.waiters])
        if (waiter.test(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
    });
  }

  /** Sends a frame: a string as it is, a Buffer as a binary frame, anything else as JSON. */
  send(frame: object | string | Buffer): void {
    if (Buffer.isBuffer(frame)) this.socket.send(frame, { binary: true });
    else this.socket.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** Resolves once the server has read everything sent so far, and this client holds all the server wrote to it. */
  sync(): Promise<void> {
    if (this.closedWith !== undefined || this.socket.readyState !== WebSocket.OPEN) return Promise.resolve();
    return new Promise((resolve) => {
      this.pongs.push(resolve);
      this.socket.ping();
    });
  }

  /** Sends `frame`, waits for the server to handle it, and returns the frames this client received meanwhile. */
  async request(frame: object | string | Buffer): Promise<ServerFrame[]> {
    const from = this.frames.length;
    this.send(frame);
    await this.sync();
    return this.frames.slice(from);
  }

  /** Joins `room` as `name` and returns the server's answer: the joined frame, or an error frame. */
  async join(room: string, name: string, after?: number): Promise<JoinedFrame | ErrorFrame | undefined> {
    const answers = await this.request({ type: "join", room, name, ...(after === undefined ? {} : { after }) });
    return answers.find(
      (f): f is JoinedFrame | ErrorFrame => (f.type === "joined" && f.room === room) || f.type === "error",
    );
  }

  /** Asks who is in `room`. */
  async who(room: string): Promise<string[] | undefined> {
    const answers = await this.request({ type: "who", room });
    return answers.find((f): f is MembersFrame => f.type === "members" && f.room === room)?.members;
  }

  say(room: string, text: string): void {
    this.send({ type: "say", room, text });
  }

  /** The `count`-th frame (1 = the first) that passes `test`, counting every frame this client ever received. */
  nth(count: number, test: (frame: ServerFrame) => boolean): Promise<ServerFrame> {
    let seen = 0;
    for (const frame of this.frames) if (test(frame) && ++seen === count) return Promise.resolve(frame);
    return new Promise((resolve) => {
      const waiter = {
        test: (frame: ServerFrame) => test(frame) && ++seen === count,
        resolve,
      };
      this.waiters.push(waiter);
    });
  }

  /** The chat messages received in `room`, in arrival order. */
  messages(room: string): MessageFrame[] {
    return this.frames.filter((f): f is MessageFrame => f.type === "message" && f.room === room);
  }

  /** The presence notices received about `room`. */
  presence(room: string): PresenceFrame[] {
    return this.frames.filter((f): f is PresenceFrame => f.type === "presence" && f.room === room);
  }

  errors(): ErrorFrame[] {
    return this.frames.filter((f): f is ErrorFrame => f.type === "error");
  }

  /** Cuts the connection without a close handshake, as a crashed client or a dropped network does. */
  terminate(): void {
    this.socket.terminate();
  }
}

/** A heartbeat the test drives: each tick() is one heartbeat round. */
export class ManualHeartbeat {
  private ticks: (() => void)[] = [];
  stopped = 0;
  readonly timer: HeartbeatTimer = (tick) => {
    this.ticks.push(tick);
    return () => {
      this.stopped += 1;
      this.ticks = this.ticks.filter((t) => t !== tick);
    };
  };

  tick(): void {
    for (const tick of this.ticks) tick();
  }
}

/** Servers and clients for one test; close() ends them all (in afterEach, and again in afterAll). */
export class Testbed {
  private readonly servers: Server[] = [];
  private readonly clients: ChatClient[] = [];
  /** One per upgraded connection: resolves when its server side has closed. */
  private readonly serverSides: Promise<void>[] = [];

  /** Starts a server on 127.0.0.1 (a heartbeat driven by hand unless options say otherwise). */
  async start(options: ChatServerOptions = {}): Promise<{ url: string; heartbeat: ManualHeartbeat; server: Server }> {
    const heartbeat = new ManualHeartbeat();
    const server = createChatFanoutServer({ heartbeat: heartbeat.timer, ...options });
    return { url: await this.listen(server), heartbeat, server };
  }

  /** Starts `server` on 127.0.0.1, to be closed with the rest; its ws:// URL. */
  async listen(server: Server): Promise<string> {
    this.servers.push(server);
    server.on("upgrade", (_request, socket: Duplex) => {
      this.serverSides.push(new Promise((resolve) => socket.once("close", () => resolve())));
    });
    return (await listenOnLoopback(server)).replace("http", "ws");
  }

  /** A connected client; `autoPong: false` makes one that never answers the server's pings. */
  async connect(url: string, options: { autoPong?: boolean } = {}): Promise<ChatClient> {
    const socket = new WebSocket(url, options);
    const client = new ChatClient(socket);
    this.clients.push(client);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    return client;
  }

  /** A client that has joined `room` as `name`. */
  async member(url: string, room: string, name: string): Promise<ChatClient> {
    const client = await this.connect(url);
    const answer = await client.join(room, name);
    if (answer?.type !== "joined")
      throw new Error(`${name} could not join ${room}: the server answered ${JSON.stringify(answer)}`);
    // The others have their notice of this join before the test goes on.
    await settle(...this.clients.filter((c) => c !== client && !c.socket.isPaused));
    return client;
  }

  /** Cuts every client, waits until the servers have seen each connection close, then closes the servers. */
  async close(): Promise<void> {
    for (const client of this.clients.splice(0)) client.terminate();
    await Promise.all(this.serverSides.splice(0));
    await flushPromises(); // ws emits its close event a moment after the socket's
    for (const server of this.servers.splice(0)) await closeServer(server);
  }
}

/** a.sync(), then b.sync(), and so on: what a's frames made the server send to b has reached b. */
export async function settle(...clients: ChatClient[]): Promise<void> {
  for (const client of clients) await client.sync();
}

/**
 * Round trips through `clients` until `condition` holds, at most `rounds` times: for what the
 * server does on a close event, which comes a moment after the socket is cut. False if it never held.
 */
export async function eventually(condition: () => boolean, clients: ChatClient[], rounds = 10): Promise<boolean> {
  for (let i = 0; i < rounds; i++) {
    if (condition()) return true;
    await settle(...clients);
  }
  return condition();
}

/**
 * Counts frames (messages and pings) handed to ws for a connection whose close event has already
 * been emitted: a server that still sends to, or pings, a member whose connection it was told is
 * gone. (A send in the moment between the peer going and the close event is no fault, and is not
 * counted.) Call it in a test; jest.restoreAllMocks() (afterEach) undoes it.
 */
export function watchSendsToClosedSockets(): { count(): number } {
  const { send, ping } = WebSocket.prototype;
  let count = 0;
  jest.spyOn(WebSocket.prototype, "send").mockImplementation(function (this: WebSocket, ...args) {
    if (this.readyState === WebSocket.CLOSED) count += 1;
    send.apply(this, args);
  });
  jest.spyOn(WebSocket.prototype, "ping").mockImplementation(function (this: WebSocket, ...args) {
    if (this.readyState === WebSocket.CLOSED) count += 1;
    ping.apply(this, args);
  });
  return { count: () => count };
}
