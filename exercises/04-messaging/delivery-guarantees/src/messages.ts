/**
 * What the producer and the consumer say to each other. Given code: this is the wire format the
 * tests speak.
 *
 * A message is named by its idempotency key, chosen by whoever publishes it (an order id, a payment
 * request id), and each time the producer sends it, it says which attempt this is (1, 2, ...).
 */
export interface Deliver {
  type: "Deliver";
  /** The message's idempotency key: the same on every attempt. */
  key: string;
  /** 1 for the first send, 2 for the first redelivery, and so on. */
  attempt: number;
  payload: string;
}

/** One acknowledged delivery: the consumer has processed (or already applied) this message. */
export interface AckedDelivery {
  key: string;
  attempt: number;
}

/** Acknowledgements, one or many in one message: a consumer may gather acks and send them together. */
export interface Ack {
  type: "Ack";
  acks: AckedDelivery[];
}

/** A negative acknowledgement: processing this attempt failed, and why. */
export interface Nack {
  type: "Nack";
  key: string;
  attempt: number;
  /** The handler's error message. */
  error: string;
}

export type DeliveryMessage = Deliver | Ack | Nack;

function isKey(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function isAttempt(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

function isAckedDelivery(value: unknown): value is AckedDelivery {
  if (typeof value !== "object" || value === null) return false;
  const a = value as Record<string, unknown>;
  return isKey(a.key) && isAttempt(a.attempt);
}

/** True for a well-formed message; anything else from the network is to be ignored. */
export function isDeliveryMessage(value: unknown): value is DeliveryMessage {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case "Deliver":
      return isKey(m.key) && isAttempt(m.attempt) && typeof m.payload === "string";
    case "Ack":
      return Array.isArray(m.acks) && m.acks.length > 0 && m.acks.every(isAckedDelivery);
    case "Nack":
      return isKey(m.key) && isAttempt(m.attempt) && typeof m.error === "string";
    default:
      return false;
  }
}
