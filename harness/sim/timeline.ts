/**
 * What happened in a simulated run, in order: sends, deliveries, drops, crashes, partitions and
 * the nodes' own notes. Rendered as text when a test fails, so a learner can read why.
 */
export type TimelineKind =
  | "send"
  | "deliver"
  | "drop"
  | "duplicate"
  | "timer"
  | "crash"
  | "restart"
  | "pause"
  | "resume"
  | "partition"
  | "heal"
  | "note"
  | "violation";

/** Which message an entry is about: the same id on its send, its deliveries and its drops. */
export interface MessageLink {
  id: number;
  from: string;
  to: string;
  /** The message's `type`, or "message": the arrow's label in a picture of the run. */
  type: string;
}

export interface TimelineEntry {
  at: number;
  kind: TimelineKind;
  node?: string;
  text: string;
  link?: MessageLink;
}

/** An entry as recorded: its text may wait until someone reads it (a message's JSON, say). */
interface RecordedEntry {
  at: number;
  kind: TimelineKind;
  node?: string;
  text: string | (() => string);
  link?: MessageLink;
}

/**
 * The last `capacity` entries, in a ring: adding is O(1) however long the run, and text that costs
 * something to build (a message rendered as JSON) is built only if the timeline is read.
 */
export class Timeline {
  private readonly ring: RecordedEntry[] = [];
  private next = 0;

  constructor(private readonly capacity = 20_000) {}

  add(entry: RecordedEntry): void {
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  get size(): number {
    return this.ring.length;
  }

  /** Every kept entry, oldest first. */
  all(): TimelineEntry[] {
    const ordered =
      this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return ordered.map((e) => ({ ...e, text: typeof e.text === "function" ? e.text() : e.text }));
  }

  /** The last `count` entries as aligned text lines; timer firings are left out unless asked. */
  render(count = 40, options: { timers?: boolean } = {}): string {
    const shown = this.all()
      .filter((e) => options.timers === true || e.kind !== "timer")
      .slice(-count);
    return shown
      .map((e) => `${e.at.toFixed(1).padStart(9)} ms  ${(e.node ?? "").padEnd(6)} ${e.kind.padEnd(9)} ${e.text}`)
      .join("\n");
  }
}

/** A compact, bounded rendering of a message for the timeline. */
export function describeMessage(message: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(message) ?? String(message);
  } catch {
    text = String(message);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
