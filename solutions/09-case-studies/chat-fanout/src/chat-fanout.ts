import { createServer, type Server } from "node:http";
import { WebSocketServer } from "ws";
import { MAX_FRAME_BYTES } from "./frames";
import { Hub } from "./hub";
import type { ChatServerOptions } from "./options";
import { settingsOf } from "./settings";

export * from "./frames";
export * from "./options";
export { parseClientFrame } from "./parse-frame";

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
