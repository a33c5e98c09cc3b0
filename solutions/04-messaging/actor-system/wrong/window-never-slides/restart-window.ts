/**
 * Wrong design: the limit is a lifetime total. withinMs is stored but restarts never leave the
 * count, so a child that fails once a day is given up on after maxRestarts days.
 */
export class RestartWindow {
  private restarts = 0;

  constructor(
    readonly maxRestarts: number,
    readonly withinMs: number,
  ) {}

  allow(_now: number): boolean {
    if (this.restarts >= this.maxRestarts) return false;
    this.restarts++;
    return true;
  }
}
