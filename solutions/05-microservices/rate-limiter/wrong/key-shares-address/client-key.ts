/**
 * The mistake: a client is keyed by its API key or its address with no namespace, `apiKey ??
 * address`. An API key spelt like an address shares that address's state: anyone can spend an
 * anonymous client's quota, or get a fresh one, by choosing a key.
 */
import type { ClientIdentity } from "../../src/types";

export function clientKey(client: ClientIdentity): { key: string; authenticated: boolean } {
  const authenticated = client.apiKey !== undefined && client.apiKey !== "";
  return { key: authenticated ? (client.apiKey as string) : client.address, authenticated };
}
