/** The three delivery modes and the settings both nodes share (given code). */

export type DeliveryMode = "at-most-once" | "at-least-once" | "effectively-once";

export const DELIVERY_MODES: readonly DeliveryMode[] = ["at-most-once", "at-least-once", "effectively-once"];

export interface DeliverySettings {
  mode: DeliveryMode;
  /**
   * How long the producer waits for a reply to an attempt before it sends the next one (SQS's
   * visibility timeout). Must be longer than processingMs + ackDelayMs, or every message would be
   * redelivered while its first attempt is still being processed.
   */
  visibilityTimeoutMs: number;
  /** Deliveries of one message, the first included, before it goes to the dead-letter queue. */
  maxAttempts: number;
  /** How long the consumer's handler takes for one message, in virtual ms. */
  processingMs: number;
  /** The longest a consumer may hold an ack back to send it together with others. */
  ackDelayMs: number;
  /** How long the consumer remembers a key after taking it (at-most-once) or applying it (effectively-once). */
  dedupWindowMs: number;
}

/** The defaults: a window that covers every redelivery (5 attempts x 100 ms, with room to spare). */
export const DEFAULT_SETTINGS: Omit<DeliverySettings, "mode"> = {
  visibilityTimeoutMs: 100,
  maxAttempts: 5,
  processingMs: 5,
  ackDelayMs: 10,
  dedupWindowMs: 1_000,
};

/** What a producer or consumer is given: the mode, and any setting that differs from the defaults. */
export type DeliveryOptions = Partial<DeliverySettings> & Pick<DeliverySettings, "mode">;
