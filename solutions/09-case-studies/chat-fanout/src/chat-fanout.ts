import { createServer, type Server } from "node:http";
import { WebSocketServer } from "ws";
import { ChatError } from "./errors";
import { MAX_FRAME_BYTES } from "./frames";
import { Hub, type Settings } from "./hub";
import {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_HISTORY_SIZE,
  DEFAULT_MAX_BUFFERED_BYTES,
  DEFAULT_MAX_TEXT_LENGTH,
  MAX_HISTORY_SIZE,
  MAX_TEXT_LENGTH_LIMIT,
  MIN_MAX_BUFFERED_BYTES,
  heartbeatEvery,
  type ChatServerOptions,
  type HeartbeatTimer,
} from "./options";

export * from "./frames";
export * from "./options";
export { parseClientFrame } from "./parse-frame";

/** An integer option between `min` and `max`, or its default when absent. */
function integerOption(
  options: ChatServerOptions,
  field: keyof Settings,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = options[field];
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new ChatError(
      "INVALID_OPTIONS",
      `${field} must be an integer ${range}, got ${String(value)}; leave it out for ${fallback}`,
    );
  }
  return value;
}

function settingsOf(options: ChatServerOptions): Settings & { heartbeat: HeartbeatTimer } {
  if (typeof options !== "object" || options === null)
    throw new ChatError("INVALID_OPTIONS", `options must be an object, got ${String(options)}`);
  const heartbeat = options.heartbeat ?? heartbeatEvery(DEFAULT_HEARTBEAT_MS);
  if (typeof heartbeat !== "function")
    throw new ChatError(
      "INVALID_OPTIONS",
      "heartbeat must be a function (tick) => stop, such as heartbeatEvery(30_000)",
    );
  return {
    historySize: integerOption(options, "historySize", 0, MAX_HISTORY_SIZE, DEFAULT_HISTORY_SIZE),
    maxTextLength: integerOption(options, "maxTextLength", 1, MAX_TEXT_LENGTH_LIMIT, DEFAULT_MAX_TEXT_LENGTH),
    maxBufferedBytes: integerOption(
      options,
      "maxBufferedBytes",
      MIN_MAX_BUFFERED_BYTES,
      Infinity,
      DEFAULT_MAX_BUFFERED_BYTES,
    ),
    heartbeat,
  };
}

/**
 * The chat server: an http server (not yet listening) whose WebSocket endpoint is the protocol of
 * ./frames. Plain HTTP requests get 426 Upgrade Required.
 */
export function createChatFanoutServer(options: ChatServerOptions = {}): Server {
  const { heartbeat, ...settings } = settingsOf(options);
  const server = createServer((_request, response) => {
    response.writeHead(426, { "Content-Type": "text/plain", Upgrade: "websocket" });
    response.end("a WebSocket endpoint: connect with a WebSocket client\n");
  });
  const sockets = new WebSocketServer({ server, maxPayload: MAX_FRAME_BYTES });
  const hub = new Hub(settings);
  sockets.on("connection", (socket) => {
    const connection = hub.connect(socket);
    socket.on("message", (data, isBinary) => hub.receive(connection, isBinary ? undefined : String(data)));
    socket.on("pong", () => (connection.alive = true));
    socket.on("close", () => hub.disconnect(connection));
    socket.on("error", () => undefined); // a close follows, and cleans up
  });
  server.on(
    "close",
    heartbeat(() => hub.tick()),
  );
  return server;
}
