import type { NodeContext, SimNode } from "#kata/sim";
import { positive } from "./checks";
import type { FailureDetector, HeartbeatNodeOptions, SuspicionChange } from "./failure-detector";
import { isNewer, type Newest } from "./freshness";
import { isHeartbeat, type Heartbeat } from "./messages";

/** Where a node keeps its incarnation in stable storage. */
const INCARNATION = "incarnation";

/**
 * One node of a cluster in which everyone watches everyone (all-to-all heartbeating, as in a small
 * Akka or Cassandra cluster), on the simulated network (docs/simulator.md).
 *
 * - At start it takes its incarnation: one more than the one in stable storage (1 the first time),
 *   stored back at once (`ctx.storage`, which survives a crash). At start and every intervalMs
 *   after, it sends `{ type: "heartbeat", incarnation, seq }` to every peer, seq counting 1, 2,
 *   3... within the incarnation.
 * - A heartbeat from a peer goes to that peer's detector at the node's clock if it is newer than
 *   every heartbeat seen from that peer: a higher incarnation, or the same incarnation and a
 *   higher seq. The network duplicates and reorders messages, and a late or repeated heartbeat
 *   says nothing new about now; a restarted peer counts seq from 1 again, in a new incarnation.
 * - Every checkEveryMs it asks each peer's detector, and reports each change of mind to onChange.
 * - Anything that is not a heartbeat is ignored.
 */
export class HeartbeatNode implements SimNode<Heartbeat> {
  private readonly detectors = new Map<string, FailureDetector>();
  /** Per peer, the newest heartbeat seen: (incarnation, seq). */
  private readonly newest = new Map<string, Newest>();
  private readonly suspected = new Set<string>();
  private readonly onChange: (change: SuspicionChange) => void;
  private seq = 0;
  private readonly incarnation: number;

  constructor(
    private readonly ctx: NodeContext<Heartbeat>,
    options: HeartbeatNodeOptions,
  ) {
    const intervalMs = positive("intervalMs", options.intervalMs, 100);
    const checkEveryMs = positive("checkEveryMs", options.checkEveryMs, 10);
    for (const peer of ctx.peers) this.detectors.set(peer, options.detectorFor(peer));
    this.onChange = options.onChange ?? (() => undefined);
    this.incarnation = (ctx.storage.get<number>(INCARNATION) ?? 0) + 1;
    ctx.storage.set(INCARNATION, this.incarnation);
    const beat = (): void => {
      this.seq++;
      for (const peer of ctx.peers) ctx.send(peer, { type: "heartbeat", incarnation: this.incarnation, seq: this.seq });
      ctx.setTimer(intervalMs, beat);
    };
    const check = (): void => {
      this.check();
      ctx.setTimer(checkEveryMs, check);
    };
    beat();
    ctx.setTimer(checkEveryMs, check);
  }

  onMessage(from: string, message: Heartbeat): void {
    const detector = this.detectors.get(from);
    if (detector === undefined || !isHeartbeat(message)) return;
    // A duplicate or a heartbeat overtaken by a later one says nothing new about now.
    const newest = this.newest.get(from);
    if (newest !== undefined && !isNewer(message, newest)) return;
    this.newest.set(from, { incarnation: message.incarnation, seq: message.seq });
    detector.heartbeat(this.ctx.now());
  }

  suspects(): string[] {
    return this.ctx.peers.filter((peer) => this.suspected.has(peer));
  }

  private check(): void {
    const now = this.ctx.now();
    for (const [peer, detector] of this.detectors) {
      const suspected = detector.isSuspected(now);
      if (suspected === this.suspected.has(peer)) continue;
      if (suspected) this.suspected.add(peer);
      else this.suspected.delete(peer);
      this.onChange({ peer, suspected, at: now });
    }
  }
}
