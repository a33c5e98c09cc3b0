/** How a request whose path exists is refused when the path does not take its method. */
export interface Refusal {
  status: number;
  error: string;
  message: string;
  headers: Record<string, string>;
}

/**
 * 405 with an Allow header naming what the path takes: the path exists, the method is what is
 * wrong (a 404 would tell the client its URL is, and it would go looking for another).
 */
export function refuseMethod(allowed: readonly string[], method: string, url: string): Refusal | undefined {
  if (allowed.includes(method)) return undefined;
  return {
    status: 405,
    error: "METHOD_NOT_ALLOWED",
    message: `${method} is not allowed on ${url}: use ${allowed.join(" or ")}`,
    headers: { allow: allowed.join(", ") },
  };
}
