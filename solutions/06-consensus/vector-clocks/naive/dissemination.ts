/**
 * The naive node: eager reliable broadcast. Every node forwards each broadcast to every other
 * peer the first time it receives it, so a message reaches everyone even if its origin crashes
 * halfway through sending it. On a network that loses nothing, and with origins that finish
 * sending, that buys nothing and costs (n - 1) + (n - 1)(n - 2) = (n - 1)^2 messages a broadcast
 * instead of n - 1: 16 instead of 4 in a group of 5. It is correct (the copies are duplicates,
 * and the reference drops those); only this module is replaced.
 */
import type { NodeContext } from "#kata/sim";
import type { Broadcast, CausalMessage } from "../src/messages";

export { sendToPeers } from "../src/dissemination";

export function onFirstReceipt(ctx: NodeContext<CausalMessage>, from: string, message: Broadcast): void {
  for (const peer of ctx.peers) if (peer !== from && peer !== message.origin) ctx.send(peer, message);
}
