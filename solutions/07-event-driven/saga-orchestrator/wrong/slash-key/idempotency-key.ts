/** Wrong: parts joined with a separator that may occur inside them. */
export function runKey(sagaId: string, step: string): string {
  return `${sagaId}/${step}`;
}

export function compensationKey(sagaId: string, step: string): string {
  return `${sagaId}/${step}/compensate`;
}
