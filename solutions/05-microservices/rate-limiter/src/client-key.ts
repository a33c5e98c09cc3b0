import type { ClientIdentity } from "./types";

/**
 * The key a client's state is kept under: `key:<api key>` with a key, else `ip:<address>`. The
 * prefixes keep the two namespaces apart: without them a caller could pick an API key spelt like
 * someone's address and spend that address's quota (or reset its own by switching).
 */
export function clientKey(client: ClientIdentity): { key: string; authenticated: boolean } {
  const authenticated = client.apiKey !== undefined && client.apiKey !== "";
  return { key: authenticated ? `key:${client.apiKey}` : `ip:${client.address}`, authenticated };
}
