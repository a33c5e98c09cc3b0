import type { NodeContext, SimNode } from "#kata/sim";
import { notImplemented } from "#kata";

/** TODO(kata new): the messages the nodes exchange. */
export interface Ping {
  type: "ping";
}

/** TODO(kata new): what one node does, for the learner. */
export class VectorClocksNode implements SimNode<Ping> {
  constructor(ctx: NodeContext<Ping>) {
    notImplemented(`new VectorClocksNode() for ${ctx.id}`);
  }

  onMessage(from: string, message: Ping): void {
    notImplemented(`VectorClocksNode.onMessage(${from}, ${message.type})`);
  }
}
