/**
 * How the broker is measured: publishes to a topic with ten subscribers that retains recent
 * messages for late ones, which is what a broker spends its time on (subscribing is rare, every
 * message is fanned out). The handlers are trivial, so the figure is the broker's own cost per
 * message: the envelope, the retained log, the fan-out loop.
 */
import { defineBench } from "#kata/bench";
import type { Message } from "./src/messages";
import { eventEmitter3, type PubSubApi } from "./peers";

const SUBSCRIBERS = 10;

/**
 * One publish to a topic that retains the newest `retained` messages, and none older than a minute
 * (the clock moves 1 ms a publish, so the count is the limit that trims).
 */
function fanOutLoop(api: PubSubApi, retained: number): () => unknown {
  let now = 0;
  const broker = new api.PubSub<number>({ clock: () => now });
  broker.createTopic("events", { retention: { messages: retained, ageMs: 60_000 } });
  let sum = 0;
  const handler = (message: Message<number>): void => {
    sum += message.payload;
  };
  for (let i = 0; i < SUBSCRIBERS; i++) broker.subscribe("events", handler);
  // Fill the retention first, so every measured publish also trims the oldest message.
  for (let i = 0; i < retained; i++) broker.publish("events", i);
  let next = 0;
  return () => {
    now += 1;
    broker.publish("events", next++ & 0xff);
    return sum;
  };
}

export default defineBench<PubSubApi>({
  workloads: [
    {
      kind: "throughput",
      name: "fan-out, 10 subscribers, 5,000 retained",
      unit: "messages fanned out to 10 subscribers",
      setup: (api) => fanOutLoop(api, 5_000),
    },
    {
      kind: "scaling",
      name: "scaling, 100 to 10,000 retained",
      unit: "messages fanned out to 10 subscribers",
      small: { label: "100 retained", setup: (api) => fanOutLoop(api, 100) },
      large: { label: "10,000 retained", setup: (api) => fanOutLoop(api, 10_000) },
    },
  ],
  peers: [{ name: "eventemitter3 5 (npm), no retention", api: eventEmitter3 }],
});
