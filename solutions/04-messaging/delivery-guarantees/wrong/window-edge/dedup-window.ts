/**
 * The mistake: the window's end is inclusive (now <= recordedAt + windowMs), so a key is still
 * remembered at the instant the window says it is forgotten: a copy arriving exactly then is
 * dropped instead of applied. One millisecond, and the rule the README gives is broken at its edge.
 */
import { DedupWindow as Reference } from "../../src/dedup-window";

export class DedupWindow extends Reference {
  protected override inWindow(recordedAt: number, now: number): boolean {
    return now <= recordedAt + this.windowMs;
  }
}
