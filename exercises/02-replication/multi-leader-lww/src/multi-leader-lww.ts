import type { NodeContext, SimNode } from "#kata/sim";
import { notImplemented } from "#kata";

/** TODO(kata new): the messages the nodes exchange. */
export interface Ping {
  type: "ping";
}

/** TODO(kata new): what one node does, for the learner. */
export class MultiLeaderLwwNode implements SimNode<Ping> {
  constructor(ctx: NodeContext<Ping>) {
    notImplemented(`new MultiLeaderLwwNode() for ${ctx.id}`);
  }

  onMessage(from: string, message: Ping): void {
    notImplemented(`MultiLeaderLwwNode.onMessage(${from}, ${message.type})`);
  }
}
