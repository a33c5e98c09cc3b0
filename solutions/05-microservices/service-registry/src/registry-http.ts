import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HTTP_STATUS, RegistryError } from "./errors";
import { readJsonBody, sendError, sendJson } from "./http-json";
import { refuseMethod } from "./method-check";
import type { HealthStatus, Registration, ServiceRegistry } from "./service-registry";

/** What the API needs of a registry: its public methods (any registry with them can stand behind it). */
type Registry = Pick<ServiceRegistry, "register" | "heartbeat" | "deregister" | "discover" | "services">;

type Route =
  | { kind: "services" }
  | { kind: "service"; service: string }
  | { kind: "instance"; service: string; instanceId: string }
  | { kind: "heartbeat"; service: string; instanceId: string };

const ALLOWED: Record<Route["kind"], string[]> = {
  services: ["GET"],
  service: ["GET"],
  instance: ["PUT", "DELETE"],
  heartbeat: ["PUT"],
};

const PATH = /^\/v1\/services(?:\/([^/]+)(?:\/instances\/([^/]+)(\/heartbeat)?)?)?$/;

class NotFound extends Error {}

/** The route a path names, its segments percent-decoded; NotFound for a path the API does not have. */
function routeOf(url: string): Route {
  const path = url.split("?", 1)[0] as string;
  const match = PATH.exec(path);
  if (match === null) throw new NotFound(path);
  const [, service, instanceId, heartbeat] = match;
  if (service === undefined) return { kind: "services" };
  if (instanceId === undefined) return { kind: "service", service: decode(service) };
  const ids = { service: decode(service), instanceId: decode(instanceId) };
  return heartbeat === undefined ? { kind: "instance", ...ids } : { kind: "heartbeat", ...ids };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RegistryError("INVALID_NAME", `${JSON.stringify(segment)} is not valid percent-encoding`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function handle(registry: Registry, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const route = routeOf(request.url ?? "/");
  const method = request.method ?? "GET";
  const refusal = refuseMethod(ALLOWED[route.kind], method, request.url ?? "");
  if (refusal !== undefined) {
    sendError(response, refusal.status, refusal.error, refusal.message, refusal.headers);
    return;
  }
  switch (route.kind) {
    case "services":
      sendJson(response, 200, { services: registry.services() });
      return;
    case "service":
      sendJson(response, 200, { service: route.service, instances: registry.discover(route.service) });
      return;
    case "instance":
      if (method === "DELETE") {
        registry.deregister(route.service, route.instanceId);
        sendJson(response, 204);
        return;
      }
      break;
    case "heartbeat":
      break;
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    sendError(response, body.status, body.error, body.message);
    return;
  }
  if (route.kind === "instance") {
    // Not an object: register() says what a registration looks like.
    const info = registry.register(route.service, route.instanceId, body.value as Registration);
    sendJson(response, 200, info);
    return;
  }
  let status: unknown = "passing";
  if (body.value !== undefined) {
    if (!isObject(body.value)) {
      throw new RegistryError("INVALID_STATUS", `a heartbeat's body is empty or {"status": "passing" | "critical"}`);
    }
    status = body.value.status ?? "passing";
  }
  sendJson(response, 200, registry.heartbeat(route.service, route.instanceId, status as HealthStatus));
}

/** The registry's HTTP API: routes, bodies, and each failure with its status and code. */
export function createRegistryHandler(registry: Registry): Server {
  return createServer((request, response) => {
    handle(registry, request, response).catch((error: unknown) => {
      if (error instanceof NotFound) {
        sendError(response, 404, "NOT_FOUND", `no such path: ${error.message}; the API is under /v1/services`);
      } else if (error instanceof RegistryError) {
        sendError(response, HTTP_STATUS[error.code], error.code, error.message);
      } else {
        sendError(response, 500, "INTERNAL", "the registry failed on this request; it changed nothing");
      }
    });
  });
}
