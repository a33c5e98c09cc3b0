/**
 * A quorum key-value cluster on the simulated network, for the tests and the bench (given code).
 * It takes the kv-node module as an argument, so the same helpers drive your code, the reference
 * or a submission, whichever the test's import resolves to.
 *
 * Client operations go into `sim.history` as the linearizability checker reads them: a get's
 * result is the value it returned, a put's is "ok". An operation answered UNAVAILABLE gets no
 * result, like one that timed out: a put that failed may still have reached some replicas, and
 * may yet take effect, so the checker lets it take effect at any time after its call, or never.
 */
import {
  Simulation,
  type HistoryOperation,
  type KvInput,
  type KvOutput,
  type NetworkFaults,
  type Prng,
} from "#kata/sim";
import type * as KvModule from "./src/kv-node";
import type { ConsistencyLevel, KvMessage, Version } from "./src/messages";

export type KvApi = Pick<typeof KvModule, "QuorumKvNode">;
export type KvNodeInstance = InstanceType<KvApi["QuorumKvNode"]>;
export type KvSimulation = Simulation<KvMessage, KvNodeInstance>;
export type KvOperation = HistoryOperation<KvInput<string>, KvOutput<string>>;

export function nodeNames(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `n${i + 1}`);
}

export function kvCluster(
  api: KvApi,
  options: {
    seed: number;
    size?: number;
    network?: Partial<NetworkFaults>;
    node?: Partial<KvModule.KvOptions>;
  },
): KvSimulation {
  const sim: KvSimulation = new Simulation<KvMessage, KvNodeInstance>({
    seed: options.seed,
    nodeIds: nodeNames(options.size ?? 3),
    createNode: (ctx) => new api.QuorumKvNode(ctx, options.node),
    ...(options.network ? { network: options.network } : {}),
  });
  sim.describe = describeMessage;
  return sim;
}

export function showVersion(version: Version): string {
  return version.counter === 0 ? "v0" : `v${version.counter}.${version.node}`;
}

function describeMessage(m: KvMessage): string {
  switch (m.type) {
    case "Read":
      return `Read #${m.requestId} ${m.key}`;
    case "ReadReply":
      return `ReadReply #${m.requestId} ${m.key}=${JSON.stringify(m.value)} ${showVersion(m.version)}`;
    case "Write":
      return `Write #${m.requestId} ${m.key}=${JSON.stringify(m.value)} ${showVersion(m.version)}`;
    case "WriteAck":
      return `WriteAck #${m.requestId} ${m.key} holds ${showVersion(m.version)}`;
  }
}

/** A result as a failure message shows it: `ok "a" at v3.n2`, or `UNAVAILABLE: <its message>`. */
export function showResult(result: KvModule.ReadResult | KvModule.WriteResult | undefined): string {
  if (result === undefined) return "no answer";
  if (!result.ok) return `${result.error.code}: ${result.error.message}`;
  return "value" in result
    ? `ok ${JSON.stringify(result.value)} at ${showVersion(result.version)}`
    : `ok at ${showVersion(result.version)}`;
}

/** The history of client operations, typed for kvModel. */
export function kvHistory(sim: KvSimulation): readonly KvOperation[] {
  return sim.history.all() as readonly KvOperation[];
}

/** One operation a test makes by hand: what came back, and when (virtual ms). */
export interface Call<R> {
  invokedAt: number;
  result?: R;
  answeredAt?: number;
  /** How many times the node called reply (exactly once is right). */
  replies: number;
}

/** Sends a get to `node` now, as a client would, and records it in the history. */
export function callGet(
  sim: KvSimulation,
  node: string,
  key: string,
  level: ConsistencyLevel,
  client = `via-${node}`,
): Call<KvModule.ReadResult> {
  const call: Call<KvModule.ReadResult> = { invokedAt: sim.now, replies: 0 };
  const id = sim.history.invoke(client, { type: "get", key });
  sim.onNode(node, (n) =>
    n.get(key, level, (result) => {
      call.replies += 1;
      if (call.replies > 1) return;
      call.result = result;
      call.answeredAt = sim.now;
      if (result.ok) sim.history.complete(id, result.value);
    }),
  );
  return call;
}

/** Sends a put to `node` now, as a client would, and records it in the history. */
export function callPut(
  sim: KvSimulation,
  node: string,
  key: string,
  value: string,
  level: ConsistencyLevel,
  client = `via-${node}`,
): Call<KvModule.WriteResult> {
  const call: Call<KvModule.WriteResult> = { invokedAt: sim.now, replies: 0 };
  const id = sim.history.invoke(client, { type: "put", key, value });
  sim.onNode(node, (n) =>
    n.put(key, value, level, (result) => {
      call.replies += 1;
      if (call.replies > 1) return;
      call.result = result;
      call.answeredAt = sim.now;
      if (result.ok) sim.history.complete(id, "ok");
    }),
  );
  return call;
}

export interface KvWorkload {
  /** The level of every get and of every put. */
  reads: ConsistencyLevel;
  writes: ConsistencyLevel;
  keys: readonly string[];
  clients: number;
  operationsPerClient: number;
  /** The share of operations that are gets; 0.5 by default. */
  readShare?: number;
  /** How long a client waits for an answer; above the nodes' request timeout, so UNAVAILABLE arrives first. */
  timeoutMs?: number;
}

export interface KvClientRun {
  /** Every client has issued all its operations, and each has a result or has timed out. */
  done(): boolean;
  /** Operations that got no answer within the client's timeout. */
  readonly timedOut: number;
  /** Operations the store answered UNAVAILABLE. */
  readonly unavailable: number;
}

/**
 * Seeded clients, each issuing gets and puts one at a time to a random live node. Every put
 * writes a value no other put writes (`c2#7`: client 2's 7th operation), so a read's result names
 * the write it saw.
 */
export function startKvClients(sim: KvSimulation, workload: KvWorkload): KvClientRun {
  const timeoutMs = workload.timeoutMs ?? 300;
  let finished = 0;
  let timedOut = 0;
  let unavailable = 0;
  const think = (random: Prng) => 1 + Math.floor(random.next() * 10);

  const runClient = (client: string, random: Prng): void => {
    let issued = 0;
    const next = (): void => {
      if (issued === workload.operationsPerClient) {
        finished += 1;
        return;
      }
      const live = sim.liveNodes().map(([id]) => id);
      if (live.length === 0) {
        sim.schedule(timeoutMs, next); // every node is down: try again later
        return;
      }
      issued += 1;
      const target = live[Math.floor(random.next() * live.length)] as string;
      const key = workload.keys[Math.floor(random.next() * workload.keys.length)] as string;
      const input: KvInput<string> = random.chance(workload.readShare ?? 0.5)
        ? { type: "get", key }
        : { type: "put", key, value: `${client}#${issued}` };
      const id = sim.history.invoke(client, input);
      let settled = false;
      const settle = (output: KvOutput<string> | undefined): void => {
        if (settled) return;
        settled = true;
        cancelTimeout();
        if (output !== undefined) sim.history.complete(id, output);
        sim.schedule(think(random), next);
      };
      const cancelTimeout = sim.schedule(timeoutMs, () => {
        if (settled) return;
        timedOut += 1;
        settle(undefined);
      });
      sim.onNode(target, (node) => {
        if (input.type === "get")
          node.get(input.key, workload.reads, (result) => {
            if (!result.ok && !settled) unavailable += 1;
            settle(result.ok ? result.value : undefined);
          });
        else
          node.put(input.key, input.value, workload.writes, (result) => {
            if (!result.ok && !settled) unavailable += 1;
            settle(result.ok ? "ok" : undefined);
          });
      });
    };
    sim.schedule(think(random), next);
  };

  for (let i = 1; i <= workload.clients; i++) runClient(`c${i}`, sim.randomFor(`client-${i}`));
  return {
    done: () => finished === workload.clients,
    get timedOut() {
      return timedOut;
    },
    get unavailable() {
      return unavailable;
    },
  };
}

/**
 * Checked after every event: no replica's version of a key ever goes down, not even across a
 * crash and restart (what a replica acknowledged is on stable storage).
 */
export function checkVersionsNeverGoBack(sim: KvSimulation, keys: readonly string[]): void {
  const highest = new Map<string, Version>();
  const incarnation = new Map<string, KvNodeInstance>();
  sim.addInvariant("a replica's version of a key never goes down", () => {
    for (const [id, node] of sim.liveNodes()) {
      const restarted = incarnation.has(id) && incarnation.get(id) !== node;
      incarnation.set(id, node);
      for (const key of keys) {
        const now = node.replicaOf(key).version;
        const before = highest.get(`${id}/${key}`);
        if (before && older(now, before)) {
          return restarted
            ? `${id} held ${key} at ${showVersion(before)} before it crashed, and ${showVersion(now)} after it restarted: a replica ` +
                "must keep every copy it acknowledged on stable storage (ctx.storage), written before the acknowledgement leaves"
            : `${id}'s copy of ${key} went from ${showVersion(before)} back to ${showVersion(now)}: versions never go backwards. A ` +
                "replica stores a write only if its version is newer than the one it holds; a late, duplicated or reordered older " +
                "write is acknowledged and otherwise ignored";
        }
        highest.set(`${id}/${key}`, now);
      }
    }
    return undefined;
  });
}

/**
 * Checked after every event: two replicas never hold different values under one version. A
 * version names one write; two values under it mean two writes got the same version.
 */
export function checkOneValuePerVersion(sim: KvSimulation, keys: readonly string[]): void {
  sim.addInvariant("one version, one value", () => {
    for (const key of keys) {
      const seen = new Map<string, { node: string; value: string | null }>();
      for (const [id, node] of sim.liveNodes()) {
        const copy = node.replicaOf(key);
        const name = showVersion(copy.version);
        const other = seen.get(name);
        if (other && other.value !== copy.value)
          return (
            `${other.node} holds ${key}=${JSON.stringify(other.value)} and ${id} holds ${key}=${JSON.stringify(copy.value)}, both ` +
            `at version ${name}: two writes got one version. A coordinator's counter must be above the newest its version round ` +
            "reported and above every counter it issued itself (two of its puts can be in flight at once), and its node id breaks ties"
          );
        seen.set(name, { node: id, value: copy.value });
      }
    }
    return undefined;
  });
}

function older(a: Version, b: Version): boolean {
  return a.counter < b.counter || (a.counter === b.counter && a.node < b.node);
}
