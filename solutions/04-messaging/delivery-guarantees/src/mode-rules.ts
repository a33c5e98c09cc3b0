import type { DeliveryMode } from "./settings";

/** What a mode asks of each side. The whole difference between the three promises is in this table. */
export interface ModeRules {
  /** The producer keeps each message until it is acked, redelivers it, and dead-letters it in the end. */
  redelivers: boolean;
  /** The consumer acks what it processed and nacks what failed. */
  replies: boolean;
  /**
   * When the consumer records a key in its dedup window: never (every copy is processed), as the
   * message arrives (before processing: nothing can run it twice, and a crash loses it), or in the
   * same step as the effect (a failure records nothing, so a redelivery runs it again).
   */
  recordsKey: "never" | "on-arrival" | "with-effect";
}

export const MODE_RULES: Readonly<Record<DeliveryMode, ModeRules>> = {
  "at-most-once": { redelivers: false, replies: false, recordsKey: "on-arrival" },
  "at-least-once": { redelivers: true, replies: true, recordsKey: "never" },
  "effectively-once": { redelivers: true, replies: true, recordsKey: "with-effect" },
};
