/**
 * The restart limit: at most `maxRestarts` restarts within any `withinMs`. A sliding window over
 * the times of the restarts it allowed (Erlang/OTP's intensity and period): a restart made
 * `withinMs` ago or earlier no longer counts, so a child that fails now and then is restarted
 * forever, and one that fails in a burst is given up on.
 */
export class RestartWindow {
  /** Times of the restarts still in the window, oldest first; never more than maxRestarts. */
  private times: number[] = [];

  constructor(
    readonly maxRestarts: number,
    readonly withinMs: number,
  ) {}

  /** Whether a failure at `now` may restart; if so the restart is recorded. */
  allow(now: number): boolean {
    this.times = this.times.filter((time) => now - time < this.withinMs);
    if (this.times.length >= this.maxRestarts) return false;
    this.times.push(now);
    return true;
  }
}
