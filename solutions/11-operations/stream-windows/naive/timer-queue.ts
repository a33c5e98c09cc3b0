import type { Timer } from "../src/timer-queue";

export type { Timer };

function before(a: Timer, b: Timer): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.key !== b.key) return a.key < b.key;
  return a.start < b.start;
}

/**
 * Naive: timers in an unsorted array, and every watermark advance looks at all of them for the
 * earliest one due. Correct, and O(open windows) per event where a heap is O(log n).
 */
export class TimerQueue {
  private timers: Timer[] = [];

  push(timer: Timer): void {
    this.timers.push(timer);
  }

  runUntil(time: number): void {
    for (;;) {
      let earliest = -1;
      for (let i = 0; i < this.timers.length; i++) {
        const timer = this.timers[i] as Timer;
        if (timer.time <= time && (earliest < 0 || before(timer, this.timers[earliest] as Timer))) earliest = i;
      }
      if (earliest < 0) return;
      const [due] = this.timers.splice(earliest, 1);
      (due as Timer).run();
    }
  }

  clear(): void {
    this.timers = [];
  }
}
