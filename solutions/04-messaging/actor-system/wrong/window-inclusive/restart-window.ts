/**
 * Wrong design: a restart exactly withinMs ago still counts (it leaves the window only when
 * now - t > withinMs). The supervisor gives up one instant early, at the edge of the window.
 */
export class RestartWindow {
  private readonly times: number[] = [];

  constructor(
    readonly maxRestarts: number,
    readonly withinMs: number,
  ) {}

  allow(now: number): boolean {
    while (this.times.length > 0 && now - (this.times[0] as number) > this.withinMs) this.times.shift();
    if (this.times.length >= this.maxRestarts) return false;
    this.times.push(now);
    return true;
  }
}
