import type { NodeContext, SimNode } from "#kata/sim";

/** TODO(kata new): the messages the nodes exchange. */
export interface Ping {
  type: "ping";
}

/** TODO(kata new): what one node does, for the learner. */
export class MultiLeaderLwwNode implements SimNode<Ping> {
  constructor(ctx: NodeContext<Ping>) {
    for (const peer of ctx.peers) ctx.send(peer, { type: "ping" }); // TODO(kata new): the reference
  }

  onMessage(from: string, message: Ping): void {
    void from;
    void message;
  }
}
