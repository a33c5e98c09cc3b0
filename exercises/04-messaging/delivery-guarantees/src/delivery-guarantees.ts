/**
 * The two nodes of this exercise in one import, for the tests and the bench (given code). Your
 * work is in ./producer and ./consumer.
 */
export { Producer, type DeadLetter } from "./producer";
export { Consumer, type Handler, type ReceivedMessage } from "./consumer";
export {
  DEFAULT_SETTINGS,
  DELIVERY_MODES,
  type DeliveryMode,
  type DeliveryOptions,
  type DeliverySettings,
} from "./settings";
export type { DeliveryMessage } from "./messages";
