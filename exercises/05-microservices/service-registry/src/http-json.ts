/**
 * JSON over node:http, the parts every handler needs. Given code: use it as it is.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** The largest request body the registry reads: a registration is a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413; error: "INVALID_JSON" | "PAYLOAD_TOO_LARGE"; message: string };

/**
 * Reads the request body as JSON. An empty body reads as `undefined`. A body over MAX_BODY_BYTES
 * is refused as soon as it passes the limit (413, the rest is never buffered); a body that is not
 * JSON is refused with the parser's reason (400).
 */
export function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      request.resume(); // drain without keeping it, so the connection can answer
      resolve(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        chunks.length = 0;
        resolve(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") {
        resolve({ ok: true, value: undefined });
        return;
      }
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        resolve({ ok: false, status: 400, error: "INVALID_JSON", message: `the body is not JSON (${reason})` });
      }
    });
    request.on("error", () => {
      if (!done) {
        done = true;
        resolve({ ok: false, status: 400, error: "INVALID_JSON", message: "the body could not be read" });
      }
    });
  });
}

function tooLarge(): BodyResult {
  return {
    ok: false,
    status: 413,
    error: "PAYLOAD_TOO_LARGE",
    message: `the body is over ${MAX_BODY_BYTES} bytes; a registration is a few hundred`,
  };
}

/** Sends `body` as JSON with `status` (204 sends no body). */
export function sendJson(response: ServerResponse, status: number, body?: unknown): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Sends the error body every failure of the API uses: `{ "error": CODE, "message": "..." }`. */
export function sendError(
  response: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  sendJson(response, status, { error, message });
}
