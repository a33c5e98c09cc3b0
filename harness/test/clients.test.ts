/**
 * Simulated clients and the linearizability checker together, on two small stores: one that routes
 * every operation through a single leader (linearizable) and one that reads from any replica while
 * the leader replicates in the background (not linearizable: a client reads a value older than one
 * another client already saw). Also: a timed-out operation stays without a result.
 */
// Through #kata/sim, as exercises import it.
import { startClients } from "../kata/sim";
import { checkLinearizable, formatWindow } from "../sim/linearizability";
import { registerModel, type RegisterInput, type RegisterOutput } from "../sim/models";
import { Simulation, type NodeContext, type SimNode } from "../sim/simulation";

type Msg =
  | { type: "request"; id: number; input: RegisterInput<number> }
  | { type: "response"; id: number; output: RegisterOutput<number> }
  | { type: "replicate"; value: number };

class RegisterNode implements SimNode<Msg> {
  value = 0;
  private nextId = 0;
  private readonly waiting = new Map<number, (output: RegisterOutput<number>) => void>();
  constructor(
    private readonly ctx: NodeContext<Msg>,
    private readonly readLocally: boolean,
  ) {}

  /** The client API: writes (and, unless readLocally, reads) go to the leader, n1. */
  request(input: RegisterInput<number>, reply: (output: RegisterOutput<number>) => void): void {
    if (input.type === "read" && this.readLocally) return reply(this.value);
    if (this.ctx.id === "n1") return reply(this.apply(input));
    const id = this.nextId++;
    this.waiting.set(id, reply);
    this.ctx.send("n1", { type: "request", id, input });
  }

  private apply(input: RegisterInput<number>): RegisterOutput<number> {
    if (input.type === "read") return this.value;
    if (input.type === "write") {
      this.value = input.value;
      for (const peer of this.ctx.peers) this.ctx.send(peer, { type: "replicate", value: input.value });
      return "ok";
    }
    return false;
  }

  onMessage(from: string, message: Msg): void {
    if (message.type === "request")
      this.ctx.send(from, { type: "response", id: message.id, output: this.apply(message.input) });
    else if (message.type === "response") {
      this.waiting.get(message.id)?.(message.output);
      this.waiting.delete(message.id);
    } else if (this.ctx.id !== "n1") this.value = message.value;
  }
}

function run(seed: number, readLocally: boolean) {
  const sim = new Simulation<Msg, RegisterNode>({
    seed,
    nodeIds: ["n1", "n2", "n3"],
    // FIFO links are not promised: a later replicate may arrive first, which only makes followers staler.
    network: { minDelayMs: 1, maxDelayMs: 20 },
    createNode: (ctx) => new RegisterNode(ctx, readLocally),
  });
  let written = 0;
  const clients = startClients(sim, {
    clients: 4,
    operationsPerClient: 25,
    timeoutMs: 200,
    nextInput: (random): RegisterInput<number> =>
      random.chance(0.5) ? { type: "write", value: ++written } : { type: "read" },
    submit: (node, input, reply) => node.request(input, reply),
  });
  const finished = sim.runUntil(() => clients.done(), 60_000);
  return { sim, clients, finished };
}

test("every client's operations are recorded, and a store that routes through one leader is linearizable", () => {
  for (const seed of [1, 2, 3]) {
    const { sim, finished } = run(seed, false);
    expect(finished).toBe(true);
    expect(sim.history.all()).toHaveLength(100);
    expect(sim.history.all().every((op) => op.returnedAt !== undefined)).toBe(true);
    const verdict = checkLinearizable(sim.history.all(), registerModel(0));
    expect(verdict.ok ? "linearizable" : formatWindow(verdict.window, registerModel(0))).toBe("linearizable");
  }
});

test("reading from a follower that replicates in the background is caught: a stale read", () => {
  const verdicts = [1, 2, 3].map((seed) => checkLinearizable(run(seed, true).sim.history.all(), registerModel(0)));
  expect(verdicts.some((v) => !v.ok)).toBe(true);
  const window = verdicts.find((v) => !v.ok)?.window ?? [];
  expect(window.some((op) => (op.input as RegisterInput<number>).type === "read")).toBe(true);
});

test("a client that hears nothing times out, moves on, and leaves its operation without a result", () => {
  const sim = new Simulation<Msg, RegisterNode>({
    seed: 4,
    nodeIds: ["n1", "n2"],
    createNode: (ctx) => new RegisterNode(ctx, false),
  });
  sim.partition(["n1"], ["n2"]);
  const clients = startClients(sim, {
    clients: 1,
    operationsPerClient: 3,
    timeoutMs: 50,
    nextInput: (): RegisterInput<number> => ({ type: "write", value: 1 }),
    submit: (node, input, reply) => node.request(input, reply),
    pickNode: () => "n2", // cut off from the leader
  });
  expect(sim.runUntil(() => clients.done(), 10_000)).toBe(true);
  expect(clients.timedOut).toBe(3);
  expect(sim.history.all().map((op) => op.returnedAt)).toEqual([undefined, undefined, undefined]);
  // Three writes that may or may not have happened: still a linearizable history.
  expect(checkLinearizable(sim.history.all(), registerModel(0)).ok).toBe(true);
});

test("an operation the store refuses is counted, leaves no result, and the client moves on", () => {
  const sim = new Simulation<Msg, RegisterNode>({
    seed: 5,
    nodeIds: ["n1", "n2"],
    createNode: (ctx) => new RegisterNode(ctx, false),
  });
  let answered = 0;
  const clients = startClients(sim, {
    clients: 1,
    operationsPerClient: 4,
    timeoutMs: 50,
    nextInput: (): RegisterInput<number> => ({ type: "write", value: 1 }),
    // Every other write refused at once; a late reply after a refusal must not count.
    submit: (node, input, reply, fail) => {
      if (answered++ % 2 === 0) {
        fail();
        node.request(input, reply);
      } else node.request(input, reply);
    },
  });
  expect(sim.runUntil(() => clients.done(), 10_000)).toBe(true);
  expect([clients.failed, clients.timedOut]).toEqual([2, 0]);
  expect(sim.history.all().map((op) => op.returnedAt === undefined)).toEqual([true, false, true, false]);
});
