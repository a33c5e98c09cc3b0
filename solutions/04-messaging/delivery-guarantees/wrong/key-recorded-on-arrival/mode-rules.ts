/**
 * The mistake: effectively-once records the idempotency key when the message arrives, before the
 * handler runs (the at-most-once order). When the handler fails, or the consumer crashes while
 * processing, the key is recorded with no effect behind it: the redelivery is taken for a
 * duplicate, acked and skipped, and the message is lost while the producer believes it done.
 */
import { MODE_RULES as REFERENCE, type ModeRules } from "../../src/mode-rules";
import type { DeliveryMode } from "../../src/settings";

export type { ModeRules } from "../../src/mode-rules";

export const MODE_RULES: Readonly<Record<DeliveryMode, ModeRules>> = {
  ...REFERENCE,
  "effectively-once": { redelivers: true, replies: true, recordsKey: "on-arrival" },
};
