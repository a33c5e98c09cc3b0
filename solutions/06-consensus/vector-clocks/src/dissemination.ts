/**
 * Who sends a broadcast to whom. The origin sends it once to each peer, and nobody forwards it:
 * on a network that loses nothing that reaches everyone, in n - 1 messages.
 */
import type { NodeContext } from "#kata/sim";
import type { Broadcast, CausalMessage } from "./messages";

export function sendToPeers(ctx: NodeContext<CausalMessage>, message: Broadcast): void {
  for (const peer of ctx.peers) ctx.send(peer, message);
}

/** Called the first time a broadcast of another origin reaches this node. The reference forwards nothing. */
export function onFirstReceipt(ctx: NodeContext<CausalMessage>, from: string, message: Broadcast): void {
  void ctx;
  void from;
  void message;
}
