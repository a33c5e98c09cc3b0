import { notImplemented } from "#kata";
import type { NodeContext, SimNode } from "#kata/sim";
import type { CausalMessage } from "./messages";
import type { VectorClock } from "./vector-clock";
// Also yours to use: isCausalMessage from "./messages", tick and merge from "./vector-clock".

export type { CausalMessage } from "./messages";
export type { VectorClock } from "./vector-clock";

/** One message handed to the application, in the order this node delivered it. */
export interface Delivery {
  origin: string;
  payload: string;
}

export interface CausalBroadcastOptions {
  /**
   * Called once for every delivery, the node's own broadcasts included, after the node has
   * recorded it: a broadcast made from inside this callback (a reply) must carry the delivered
   * message in its causal past.
   */
  onDeliver?: (delivery: Delivery) => void;
}

/**
 * One member of a group that broadcasts to every other member, with causal delivery (Birman,
 * Schiper and Stephenson, 1991): no node delivers a message before every message its origin had
 * delivered before broadcasting it, nor before the origin's own earlier broadcasts.
 *
 * The network (the simulation, see docs/simulator.md) delays each message by its own random
 * amount, so messages arrive in any order, and it may deliver a message twice. It loses nothing
 * and nodes do not restart in this exercise.
 *
 * What a node must do:
 *   - Keep a delivered vector: for each origin, how many of its broadcasts this node has delivered.
 *   - broadcast(payload): count the broadcast in your own entry, deliver it to yourself at once,
 *     and send it to every peer stamped with the new vector.
 *   - A message from origin j stamped S is deliverable when S[j] is exactly delivered[j] + 1 (the
 *     next one from j) and S[k] <= delivered[k] for every other k (you have its causal past).
 *     Deliver it and add 1 to delivered[j]. Your own entry counts your broadcasts only: delivering
 *     someone else's message does not tick it.
 *   - One not yet deliverable waits in a hold-back queue; after each delivery, look at the queue
 *     again, until nothing more can be delivered (one delivery can release a chain).
 *   - A message already delivered (S[j] <= delivered[j]), or already waiting, is a duplicate: drop it.
 *   - Ignore malformed messages (isCausalMessage); never throw on network input.
 */
export class CausalBroadcastNode implements SimNode<CausalMessage> {
  constructor(ctx: NodeContext<CausalMessage>, options: CausalBroadcastOptions = {}) {
    void options;
    notImplemented(`new CausalBroadcastNode() for ${ctx.id}`);
  }

  /** Delivers `payload` here at once and sends it to every peer. */
  broadcast(payload: string): void {
    notImplemented(`CausalBroadcastNode.broadcast(${JSON.stringify(payload)})`);
  }

  /** Every delivery so far, in delivery order, the node's own broadcasts included. */
  delivered(): readonly Delivery[] {
    return notImplemented("CausalBroadcastNode.delivered");
  }

  /** The delivered vector: how many broadcasts of each origin this node has delivered. */
  clock(): VectorClock {
    return notImplemented("CausalBroadcastNode.clock");
  }

  /** How many received messages wait in the hold-back queue for their causal past. */
  pending(): number {
    return notImplemented("CausalBroadcastNode.pending");
  }

  /** Called by the network for every message that reaches this node. */
  onMessage(from: string, message: CausalMessage): void {
    notImplemented(`CausalBroadcastNode.onMessage(${JSON.stringify(from)}, ${message.type})`);
  }
}
