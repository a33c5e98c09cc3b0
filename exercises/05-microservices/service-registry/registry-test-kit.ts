/**
 * Helpers the registry's tests share. Test code: read it, no need to change it.
 */
import type { Server } from "node:http";
import { ManualClock, listenOnLoopback } from "#kata/testing";
import { ServiceRegistry, createRegistryServer, type RegistryOptions } from "./src/service-registry";

/** A registry on a ManualClock at t=0. */
export function registryAt(options: RegistryOptions = {}): { registry: ServiceRegistry; clock: ManualClock } {
  const clock = new ManualClock();
  const registry = new ServiceRegistry({ clock: () => clock.now(), ...options });
  return { registry, clock };
}

/** The instance ids discover() lists for a service. */
export function idsOf(registry: ServiceRegistry, service: string): string[] {
  return registry.discover(service).map((endpoint) => endpoint.instanceId);
}

/** An answer read whole: status, headers, body parsed as JSON when there is one. */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A registry behind its HTTP API on 127.0.0.1, port 0; `call` sends one request. */
export interface RegistryOverHttp {
  server: Server;
  clock: ManualClock;
  registry: ServiceRegistry;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export async function serveRegistry(options: RegistryOptions = {}): Promise<RegistryOverHttp> {
  const { registry, clock } = registryAt(options);
  const server = createRegistryServer(registry);
  const base = await listenOnLoopback(server);
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === "" ? undefined : (JSON.parse(text) as unknown);
    } catch {
      // not JSON: kept as text, and the test says what it expected
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return { server, clock, registry, call };
}

/** The `error` code of an error body, or what the body was instead. */
export function errorOf(answer: Answer): string {
  const body = answer.body as { error?: unknown } | undefined;
  return typeof body?.error === "string" ? body.error : `no error code (body ${JSON.stringify(answer.body)})`;
}
