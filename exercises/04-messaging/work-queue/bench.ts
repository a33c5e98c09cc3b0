/**
 * How the queue is measured: messages through it. Each operation is one message's whole trip: a
 * consumer acks the message it holds, a producer sends a new one, and the same consumer receives
 * the next. The backlog stays the same size, and so does the number of messages in flight (one per
 * consumer), which is where designs differ: a queue that shifts an array pays for the backlog on
 * every receive, one that scans its leases pays for every message in flight.
 *
 * Time is a virtual clock that moves 1 ms per operation, so leases end when the workload says.
 */
import { defineBench } from "#kata/bench";
import type * as QueueModule from "./src/work-queue";
import type { Delivery } from "./src/work-queue";
import { fastqWorkQueue } from "./peers";

type Api = Pick<typeof QueueModule, "WorkQueue">;

interface Flow {
  /** Consumers, each holding one message in flight. */
  consumers: number;
  /** Messages waiting behind them. */
  backlog: number;
  /** Every n-th turn the consumer crashes: it drops its message unacked and sends nothing. */
  crashEvery?: number;
  visibilityTimeoutMs: number;
}

function flow(api: Api, { consumers, backlog, crashEvery = 0, visibilityTimeoutMs }: Flow): () => unknown {
  let now = 0;
  const queue = new api.WorkQueue<number>({
    capacity: 4 * (backlog + consumers),
    visibilityTimeoutMs,
    clock: () => now,
  });
  let sent = 0;
  for (; sent < backlog + consumers; sent++) void queue.send(sent);
  const names = Array.from({ length: consumers }, (_, i) => `worker-${i}`);
  const held: (Delivery<number> | undefined)[] = names.map((name) => queue.receive(name));
  let turn = 0;
  let consumer = 0;
  return () => {
    now += 1;
    turn++;
    const delivery = held[consumer];
    if (crashEvery > 0 && turn % crashEvery === 0) {
      // Crashed: the message stays in flight until its lease ends, then comes back.
    } else {
      if (delivery !== undefined) queue.ack(delivery);
      void queue.send(sent++);
    }
    const next = queue.receive(names[consumer] as string);
    held[consumer] = next;
    consumer = consumer === consumers - 1 ? 0 : consumer + 1;
    return next;
  };
}

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "flow, 1k consumers, 10k waiting",
      unit: "msgs",
      setup: (api) => flow(api, { consumers: 1_000, backlog: 10_000, visibilityTimeoutMs: 30_000 }),
    },
    {
      kind: "throughput",
      name: "redelivery, 1 turn in 50 crashes",
      unit: "msgs",
      setup: (api) => flow(api, { consumers: 1_000, backlog: 10_000, crashEvery: 50, visibilityTimeoutMs: 2_000 }),
      compareWithPeers: false,
    },
  ],
  peers: [{ name: "fastq 1 (npm)", api: fastqWorkQueue }],
});
