/**
 * A leader-follower cluster on the simulated network, for the tests and the bench (given code).
 * It takes the replica-node module (and, for a failover, chooseSuccessor) as an argument, so the
 * same helpers drive your
 * code, the reference or a submission, whichever the test's import resolves to.
 *
 * n1 leads epoch 1. `failover` plays the failover tool (Patroni, orchestrator, RDS): it reads
 * every live replica's status, asks chooseSuccessor which to promote, and promotes it to the next
 * epoch. Client operations go into `sim.history` as the linearizability checker reads them: a
 * read's result is the value it returned, a write's is "ok".
 */
import {
  Simulation,
  type Prng,
  type HistoryOperation,
  type KvInput,
  type KvOutput,
  type NetworkFaults,
  type NodeContext,
} from "#kata/sim";
import type * as NodeModule from "./src/replica-node";
import type * as PromotionModule from "./src/promotion";
import type { Entry, ReplicaStatus, ReplicationMessage } from "./src/messages";

export type ReplicationApi = Pick<typeof NodeModule, "ReplicaNode">;
export type ChooseSuccessor = (typeof PromotionModule)["chooseSuccessor"];
export type ReplicaInstance = InstanceType<ReplicationApi["ReplicaNode"]>;
export type ReplicationSimulation = Simulation<ReplicationMessage, ReplicaInstance>;
export type KvOperation = HistoryOperation<KvInput<string>, KvOutput<string>>;

export interface Cluster {
  sim: ReplicationSimulation;
  /** Entries carried by every Append sent so far (a resent entry counts each time it is sent). */
  readonly entriesShipped: number;
}

export function nodeNames(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `n${i + 1}`);
}

export function replicationCluster(
  api: ReplicationApi,
  options: {
    seed: number;
    size?: number;
    network?: Partial<NetworkFaults>;
    node?: Partial<Omit<NodeModule.ReplicaOptions, "leader">>;
  },
): Cluster {
  let entriesShipped = 0;
  const counting = (ctx: NodeContext<ReplicationMessage>): NodeContext<ReplicationMessage> => ({
    id: ctx.id,
    peers: ctx.peers,
    storage: ctx.storage,
    now: () => ctx.now(),
    send: (to, message) => {
      if (message.type === "Append") entriesShipped += message.entries.length;
      ctx.send(to, message);
    },
    setTimer: (ms, callback) => ctx.setTimer(ms, callback),
    clearTimer: (handle) => ctx.clearTimer(handle),
    random: () => ctx.random(),
    log: (text) => ctx.log(text),
  });
  const sim: ReplicationSimulation = new Simulation<ReplicationMessage, ReplicaInstance>({
    seed: options.seed,
    nodeIds: nodeNames(options.size ?? 3),
    createNode: (ctx) => new api.ReplicaNode(counting(ctx), { leader: "n1", ...options.node }),
    ...(options.network ? { network: options.network } : {}),
  });
  sim.describe = describeMessage;
  return {
    sim,
    get entriesShipped() {
      return entriesShipped;
    },
  };
}

function showEntries(entries: readonly Entry[]): string {
  if (entries.length === 0) return "(none)";
  const first = entries[0] as Entry;
  const last = entries[entries.length - 1] as Entry;
  return entries.length === 1
    ? `#${first.seq} ${first.key}=${JSON.stringify(first.value)}`
    : `#${first.seq}..#${last.seq}`;
}

function describeMessage(m: ReplicationMessage): string {
  return m.type === "Append"
    ? `Append epoch ${m.epoch} ${showEntries(m.entries)} (leader at #${m.leaderSeq})`
    : `Ack epoch ${m.epoch} applied #${m.appliedSeq}`;
}

/** The live leader of the highest epoch, if any. */
export function currentLeader(sim: ReplicationSimulation): string | undefined {
  let best: ReplicaStatus | undefined;
  for (const [, node] of sim.liveNodes()) {
    const status = node.status();
    if (status.role === "leader" && (best === undefined || status.epoch > best.epoch)) best = status;
  }
  return best?.id;
}

export interface FailoverReport {
  /** The node promoted. */
  promoted: string;
  epoch: number;
  /** Every live replica's status as the failover tool read it, before promoting. */
  statuses: ReplicaStatus[];
}

/**
 * Promotes chooseSuccessor's pick of the live followers to lead the next epoch. Call it once the
 * old leader's messages can no longer arrive (the network's longest delay after its crash), as MHA
 * applies every replica's relay log before choosing: a follower that took a late entry of the old
 * leader after the promotion would hold a write the new leader never had.
 */
export function failover(sim: ReplicationSimulation, chooseSuccessor: ChooseSuccessor): FailoverReport {
  const statuses = sim.liveNodes().map(([, node]) => node.status());
  const promoted = chooseSuccessor(statuses.filter((s) => s.role === "follower"));
  const epoch = Math.max(...statuses.map((s) => s.epoch)) + 1;
  sim.onNode(promoted, (node) => node.promote(epoch));
  return { promoted, epoch, statuses };
}

/** The history of client operations, typed for kvModel. */
export function kvHistory(sim: ReplicationSimulation): readonly KvOperation[] {
  return sim.history.all() as readonly KvOperation[];
}

export interface ClientLoad {
  keys: readonly string[];
  clients: number;
  operationsPerClient: number;
  /** The share of operations that are reads; 0.5 by default. */
  readShare?: number;
  /** Where reads go: the current leader (read-your-writes, linearizable), or any live replica. */
  readFrom: "leader" | "any";
  /** How long a client waits for a write's answer; 300 ms by default. */
  timeoutMs?: number;
}

export interface ClientRun {
  /** Every client has issued all its operations, and each has a result or has timed out. */
  done(): boolean;
  /** Writes that got no answer within the client's timeout (or were refused: no leader at the time). */
  readonly timedOut: number;
}

/**
 * Seeded clients, one operation at a time each, as #kata/sim's startClients runs them: each write
 * goes to the current leader (a client waits while there is none), each read where `readFrom`
 * says. Every write writes a value no other
 * write writes (`c2#7`: client 2's 7th operation), so a read's result names the write it saw. A
 * write a follower refuses (NOT_LEADER: no leader at the time) or that is never answered stays
 * without a result: it may or may not have taken effect.
 */
export function startReplicationClients(sim: ReplicationSimulation, load: ClientLoad): ClientRun {
  const timeoutMs = load.timeoutMs ?? 300;
  let finished = 0;
  let timedOut = 0;
  const think = (random: Prng) => 1 + Math.floor(random.next() * 10);

  const runClient = (client: string, random: Prng): void => {
    let issued = 0;
    const next = (): void => {
      if (issued === load.operationsPerClient) {
        finished += 1;
        return;
      }
      const live = sim.liveNodes().map(([id]) => id);
      if (live.length === 0) {
        sim.schedule(timeoutMs, next);
        return;
      }
      const key = load.keys[Math.floor(random.next() * load.keys.length)] as string;
      const read = random.chance(load.readShare ?? 0.5);
      const target =
        read && load.readFrom === "any"
          ? (live[Math.floor(random.next() * live.length)] as string)
          : currentLeader(sim);
      if (target === undefined) {
        sim.schedule(think(random), next); // no leader (a failover is under way): try again shortly
        return;
      }
      issued += 1;
      const input: KvInput<string> = read ? { type: "get", key } : { type: "put", key, value: `${client}#${issued}` };
      const id = sim.history.invoke(client, input);
      let settled = false;
      const settle = (output: KvOutput<string> | undefined): void => {
        if (settled) return;
        settled = true;
        cancelTimeout();
        if (output === undefined) timedOut += 1;
        else sim.history.complete(id, output);
        sim.schedule(think(random), next);
      };
      const cancelTimeout = sim.schedule(timeoutMs, () => settle(undefined));
      sim.onNode(target, (node) => {
        if (input.type === "get") settle(node.read(input.key).value);
        else node.write(input.key, input.value, (result) => settle(result.ok ? "ok" : undefined));
      });
    };
    sim.schedule(think(random), next);
  };

  for (let i = 1; i <= load.clients; i++) runClient(`c${i}`, sim.randomFor(`client-${i}`));
  return {
    done: () => finished === load.clients,
    get timedOut() {
      return timedOut;
    },
  };
}

/**
 * Checked after every event: any two live replicas agree on every entry both hold (same epoch,
 * key and value at the same seq), and each replica's log is seq 1, 2, 3, ... with no gap. A
 * replica whose log disagrees at some seq applied a different write there: its data has diverged.
 */
export function checkLogsAgree(sim: ReplicationSimulation): void {
  sim.addInvariant("replicas agree on every entry they both hold", () => {
    const live = sim.liveNodes();
    for (const [id, node] of live) {
      const entries = node.entries();
      const last = entries[entries.length - 1];
      if (last === undefined) continue;
      if (last.seq !== entries.length)
        return (
          `${id}'s log holds ${entries.length} entries but its last is #${last.seq}: a follower's log is #1, #2, #3, ... with no ` +
          "gap. Apply the entries in order: one that arrives ahead of a gap waits until the gap fills"
        );
      for (const [other, peer] of live) {
        if (other === id) continue;
        const theirs = peer.entries()[last.seq - 1];
        if (
          theirs !== undefined &&
          (theirs.epoch !== last.epoch || theirs.value !== last.value || theirs.key !== last.key)
        )
          return (
            `at #${last.seq} ${id} holds ${last.key}=${JSON.stringify(last.value)} (epoch ${last.epoch}) and ${other} holds ` +
            `${theirs.key}=${JSON.stringify(theirs.value)} (epoch ${theirs.epoch}): the replicas have diverged. A follower ignores ` +
            "Appends of an older epoch (a replaced leader's late messages) and, on a new epoch, forgets the entries the old leader " +
            "left waiting: the new leader numbers its own writes from its own log's end"
          );
      }
    }
    return undefined;
  });
}

/** What applying `entries` up to `seq`, in order, gives for `key`. */
export function replay(entries: readonly Entry[], seq: number, key: string): string | null {
  let value: string | null = null;
  for (const entry of entries) if (entry.seq <= seq && entry.key === key) value = entry.value;
  return value;
}
