/** Wrong: a fresh request id for every call, as an HTTP client makes by default. */
let calls = 0;

export function runKey(sagaId: string, step: string): string {
  return JSON.stringify([sagaId, step, "run", ++calls]);
}

export function compensationKey(sagaId: string, step: string): string {
  return JSON.stringify([sagaId, step, "compensate", ++calls]);
}
