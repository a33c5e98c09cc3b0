export interface Refusal {
  status: number;
  error: string;
  message: string;
  headers: Record<string, string>;
}

/** Wrong: a method the path does not take is answered as a path that does not exist. */
export function refuseMethod(allowed: readonly string[], method: string, url: string): Refusal | undefined {
  if (allowed.includes(method)) return undefined;
  return { status: 404, error: "NOT_FOUND", message: `no such path: ${url}`, headers: {} };
}
