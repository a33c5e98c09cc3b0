/**
 * The keys the services deduplicate by: one per step of a saga for its run, another for its
 * compensation, the same on every attempt and after every restart (no attempt number, no clock,
 * nothing random). JSON keeps the parts apart: with "saga/step" the saga "a/b" at step "c" and the
 * saga "a" at step "b/c" would share a key, and one of them would never be charged.
 */
export function runKey(sagaId: string, step: string): string {
  return JSON.stringify([sagaId, step, "run"]);
}

export function compensationKey(sagaId: string, step: string): string {
  return JSON.stringify([sagaId, step, "compensate"]);
}
