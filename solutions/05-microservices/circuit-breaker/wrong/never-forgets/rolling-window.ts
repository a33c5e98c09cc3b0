/** Wrong: a failure count since the start. Nothing ever leaves the "window". */
export class RollingWindow {
  private callCount = 0;
  private failureCount = 0;

  constructor(readonly windowMs: number) {}

  record(_at: number, failure: boolean): void {
    this.callCount++;
    if (failure) this.failureCount++;
  }

  calls(_now: number): number {
    return this.callCount;
  }

  failures(_now: number): number {
    return this.failureCount;
  }

  clear(): void {
    this.callCount = 0;
    this.failureCount = 0;
  }
}
