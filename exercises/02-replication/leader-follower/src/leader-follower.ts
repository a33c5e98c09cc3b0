import type { NodeContext, SimNode } from "#kata/sim";
import { notImplemented } from "#kata";

/** TODO(kata new): the messages the nodes exchange. */
export interface Ping {
  type: "ping";
}

/** TODO(kata new): what one node does, for the learner. */
export class LeaderFollowerNode implements SimNode<Ping> {
  constructor(ctx: NodeContext<Ping>) {
    notImplemented(`new LeaderFollowerNode() for ${ctx.id}`);
  }

  onMessage(from: string, message: Ping): void {
    notImplemented(`LeaderFollowerNode.onMessage(${from}, ${message.type})`);
  }
}
