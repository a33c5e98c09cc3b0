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
  | "partition"
  | "heal"
  | "note"
  | "violation";

export interface TimelineEntry {
  at: number;
  kind: TimelineKind;
  node?: string;
  text: string;
}

export class Timeline {
  private readonly entries: TimelineEntry[] = [];

  constructor(private readonly capacity = 20_000) {}

  add(entry: TimelineEntry): void {
    if (this.entries.length >= this.capacity) this.entries.shift();
    this.entries.push(entry);
  }

  all(): readonly TimelineEntry[] {
    return this.entries;
  }

  /** The last `count` entries as aligned text lines; timer firings are left out unless asked. */
  render(count = 40, options: { timers?: boolean } = {}): string {
    const shown = this.entries.filter((e) => options.timers === true || e.kind !== "timer").slice(-count);
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
