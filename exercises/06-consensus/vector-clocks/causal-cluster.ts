/**
 * A causal-broadcast group on the simulated network, for the tests and the bench (given code). It
 * takes the causal-broadcast module as an argument, so the same helper drives your code, the
 * reference or a submission, whichever the test's import resolves to.
 *
 * The checker knows nothing of vector clocks. A broadcast's causal past is read from its origin:
 * everything the origin had delivered before it delivered its own broadcast (which it does at
 * once). Every other node must deliver that past first, and each message exactly once.
 */
import { Simulation, type NetworkFaults, type Prng } from "#kata/sim";
import type * as CausalModule from "./src/causal-broadcast";
import type { Delivery } from "./src/causal-broadcast";
import type { CausalMessage } from "./src/messages";

export type CausalApi = Pick<typeof CausalModule, "CausalBroadcastNode">;
export type CausalNode = InstanceType<CausalApi["CausalBroadcastNode"]>;
export type CausalSimulation = Simulation<CausalMessage, CausalNode>;

export function nodeNames(size: number): string[] {
  return Array.from({ length: size }, (_, i) => String.fromCharCode(97 + i));
}

export interface ClusterOptions {
  seed: number;
  size?: number;
  network?: Partial<NetworkFaults>;
  /** Called at every delivery, inside the delivering node (so a reply broadcast from here is its). */
  onDeliver?: (node: CausalNode, id: string, delivery: Delivery) => void;
}

export function causalCluster(api: CausalApi, options: ClusterOptions): CausalSimulation {
  const sim: CausalSimulation = new Simulation<CausalMessage, CausalNode>({
    seed: options.seed,
    nodeIds: nodeNames(options.size ?? 5),
    createNode: (ctx) => {
      const node: CausalNode = new api.CausalBroadcastNode(ctx, {
        onDeliver: (delivery) => options.onDeliver?.(node, ctx.id, delivery),
      });
      return node;
    },
    ...(options.network ? { network: options.network } : {}),
  });
  sim.describe = (m) =>
    `${m.origin}#${m.stamp[m.origin]} "${m.payload}" stamp ${JSON.stringify(m.stamp).replaceAll('"', "")}`;
  return sim;
}

interface Truth {
  origin: string;
  /** Its number among its origin's broadcasts, from 1. */
  number: number;
  /** For each node, how many of its broadcasts the origin had delivered before this one. */
  past: Map<string, number>;
}

interface Seen {
  checked: number;
  counts: Map<string, number>;
  payloads: Set<string>;
}

/** What the checker learned of a run: every broadcast, in each origin's order. */
export class CausalRecord {
  readonly truth = new Map<string, Truth>();
  readonly sequences = new Map<string, string[]>();
  readonly seen = new Map<string, Seen>();

  sequence(origin: string): string[] {
    let list = this.sequences.get(origin);
    if (!list) this.sequences.set(origin, (list = []));
    return list;
  }

  broadcasts(): number {
    return this.truth.size;
  }
}

/**
 * Causal delivery, checked after every simulated event: no node delivers a message before a
 * message its origin had delivered before broadcasting it, nor before its origin's earlier
 * broadcasts, and no node delivers a message twice.
 */
export function checkCausalDelivery(sim: CausalSimulation): CausalRecord {
  const record = new CausalRecord();
  sim.addInvariant("causal delivery, each message once", () => {
    for (const [id, node] of sim.liveNodes()) {
      const list = node.delivered();
      let seen = record.seen.get(id);
      if (!seen) record.seen.set(id, (seen = { checked: 0, counts: new Map(), payloads: new Set() }));
      for (; seen.checked < list.length; seen.checked++) {
        const d = list[seen.checked] as Delivery;
        const count = (k: string): number => seen.counts.get(k) ?? 0;
        if (seen.payloads.has(d.payload))
          return (
            `${id} delivered "${d.payload}" (from ${d.origin}) twice: every message must be delivered exactly once. A copy the ` +
            "network made, or one that arrives after the original was delivered, is a duplicate: drop it."
          );
        if (d.origin === id) {
          record.truth.set(d.payload, { origin: id, number: count(id) + 1, past: new Map(seen.counts) });
          record.sequence(id).push(d.payload);
        } else {
          const truth = record.truth.get(d.payload);
          if (!truth || truth.origin !== d.origin)
            return (
              `${id} delivered "${d.payload}" as ${d.origin}'s, but ${d.origin} had not delivered it to itself when it broadcast it: ` +
              "broadcast(payload) delivers the payload at the origin at once, then sends it."
            );
          const before = count(d.origin);
          if (before !== truth.number - 1) {
            const missing = record.sequence(d.origin)[before];
            return (
              `${id} delivered ${d.origin}'s broadcast #${truth.number} ("${d.payload}") before its #${before + 1} ("${missing}"): ` +
              `messages from one sender must be delivered in the order it sent them. ${d.origin}'s entry of the stamp must be ` +
              `exactly one more than the ${before} already delivered from ${d.origin}, not merely more.`
            );
          }
          for (const [k, n] of truth.past) {
            if (k === d.origin || count(k) >= n) continue;
            const missing = record.sequence(k)[count(k)];
            return (
              `${id} delivered "${d.payload}" from ${d.origin} before "${missing}" from ${k}, which ${d.origin} had delivered ` +
              `before broadcasting it: a message waits until its causal past is delivered (stamp[${k}] = ${n}, ` +
              `and ${id} had delivered ${count(k)} of ${k}'s).`
            );
          }
        }
        seen.payloads.add(d.payload);
        seen.counts.set(d.origin, count(d.origin) + 1);
      }
    }
    return undefined;
  });
  return record;
}

/**
 * Liveness, at the end of a run: every live node delivered every broadcast it could, and holds
 * nothing back. Says why when not.
 */
export function assertAllDelivered(sim: CausalSimulation, record: CausalRecord, situation: string): void {
  const live = sim.liveNodes();
  for (const [id, node] of live) {
    const own = record.sequence(id).length;
    const entry = node.clock()[id] ?? 0;
    if (entry > own)
      throw new Error(
        `${situation}: ${id}'s own entry in its delivered vector is ${entry}, yet ${id} broadcast ${own} message(s). A node's own ` +
          "entry counts its broadcasts only: delivering another node's message adds 1 to that origin's entry and must not tick " +
          "your own (the receive rule of a clock that counts every event does not apply here). Otherwise your next broadcast " +
          "carries a number the others wait for forever.",
      );
  }
  for (const [id, node] of live) {
    const seen = record.seen.get(id);
    const count = (k: string): number => seen?.counts.get(k) ?? 0;
    for (const [payload, truth] of record.truth) {
      if (seen?.payloads.has(payload)) continue;
      const ready =
        count(truth.origin) === truth.number - 1 &&
        [...truth.past].every(([k, n]) => k === truth.origin || count(k) >= n);
      if (!ready) continue; // an earlier one is missing: that one is reported
      throw new Error(
        `${situation}: ${id} never delivered "${payload}" from ${truth.origin}, though it received it and everything it depends ` +
          `on is delivered (${id} holds ${node.pending()} message(s) back). After each delivery, check the held messages again, ` +
          "until a whole pass delivers nothing: one delivery can release a message that arrived before it.",
      );
    }
  }
  for (const [id, node] of live) {
    if (node.pending() !== 0)
      throw new Error(
        `${situation}: ${id} delivered everything, yet still holds ${node.pending()} message(s) back. A copy of a message already ` +
          "delivered must be dropped, not held back: nothing will ever make it deliverable, and the queue grows with every duplicate.",
      );
  }
}

/** A seeded mix of broadcasts, some of them replies: the chatter of a group. */
export interface Chatter {
  /** Broadcasts each node makes on its own, spread over `spreadMs`. */
  broadcastsPerNode: number;
  spreadMs: number;
  /** Chance that a node answers a message it delivers from another node, up to `maxReplies` per node. */
  replyChance: number;
  maxReplies: number;
}

/**
 * A chatty group: `causalCluster` with seeded broadcasts and replies. Each node broadcasts
 * `broadcastsPerNode` messages at seeded times, and answers a delivered message of another node
 * with probability `replyChance`, from inside its delivery callback, up to `maxReplies`.
 * Payloads are unique: "<node>:<n>", and a reply names what it answers.
 */
export function chattyCluster(
  api: CausalApi,
  options: Omit<ClusterOptions, "onDeliver"> & { chatter: Chatter },
): CausalSimulation {
  const { chatter } = options;
  const made = new Map<string, number>();
  const replies = new Map<string, number>();
  const nextPayload = (id: string): string => {
    const n = (made.get(id) ?? 0) + 1;
    made.set(id, n);
    return `${id}:${n}`;
  };
  const draws: { replies?: Prng } = {}; // set once the simulation exists
  const sim = causalCluster(api, {
    ...options,
    onDeliver: (node, id, delivery) => {
      if (delivery.origin === id) return;
      const answered = replies.get(id) ?? 0;
      if (answered >= chatter.maxReplies || !draws.replies?.chance(chatter.replyChance)) return;
      replies.set(id, answered + 1);
      node.broadcast(`${nextPayload(id)} re ${delivery.payload}`);
    },
  });
  draws.replies = sim.randomFor("replies");
  const times = sim.randomFor("chatter");
  for (const id of sim.nodeIds)
    for (let i = 0; i < chatter.broadcastsPerNode; i++)
      sim.schedule(times.between(0, chatter.spreadMs), () => sim.onNode(id, (node) => node.broadcast(nextPayload(id))));
  return sim;
}
