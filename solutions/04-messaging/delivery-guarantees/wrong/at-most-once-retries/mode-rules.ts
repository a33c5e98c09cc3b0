/**
 * The mistake: at-most-once is built on the at-least-once machinery "to be safe": the producer
 * keeps each message and redelivers it on a timeout. The consumer still drops copies of a key it
 * has taken, so no message is processed twice, but every message is sent up to maxAttempts times
 * and the mode no longer says what it does: that is retrying, and a lost message is not lost.
 */
import { MODE_RULES as REFERENCE, type ModeRules } from "../../src/mode-rules";
import type { DeliveryMode } from "../../src/settings";

export type { ModeRules } from "../../src/mode-rules";

export const MODE_RULES: Readonly<Record<DeliveryMode, ModeRules>> = {
  ...REFERENCE,
  "at-most-once": { redelivers: true, replies: false, recordsKey: "on-arrival" },
};
