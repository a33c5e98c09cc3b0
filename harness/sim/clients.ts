/**
 * Simulated clients for replicated-store exercises: each client issues seeded random operations
 * one at a time against a node of its choosing, and every invocation and result goes into
 * `sim.history` for a checker to judge (checkLinearizable, or an exercise's own). A client that
 * hears nothing within its timeout gives up and moves on; its operation stays without a result,
 * which a checker reads as "may or may not have taken effect", as Jepsen does. So does one the
 * store refuses (`fail`: no quorum, not the leader): a refused write may still have reached some
 * replicas and take effect later, so a refusal is not proof that nothing happened.
 */
import type { Prng } from "./prng";
import type { SimNode, Simulation } from "./simulation";

export interface ClientWorkload<Input, Output, N> {
  clients: number;
  operationsPerClient: number;
  /** The next operation a client issues. */
  nextInput(random: Prng, client: string): Input;
  /**
   * Hands the operation to a node (through its client API); the node calls `reply` once, when it
   * has the answer (at once, or after a round of messages), or `fail` when it refuses the
   * operation (UNAVAILABLE, say). Whichever comes after the other, or after the timeout, is ignored.
   */
  submit(node: N, input: Input, reply: (output: Output) => void, fail: () => void): void;
  /** The node a client sends to; a random live one by default. */
  pickNode?(random: Prng, live: readonly string[], client: string): string;
  /** Virtual ms a client waits for a reply before giving up on it. */
  timeoutMs: number;
  /** Virtual ms between a client's operations, [least, most]; [1, 10] by default. */
  thinkMs?: readonly [number, number];
}

export interface ClientRun {
  /** Every client has issued all its operations, and each has a result or has timed out. */
  done(): boolean;
  /** Operations that timed out (no result in the history). */
  readonly timedOut: number;
  /** Operations the store refused with `fail` (no result in the history either). */
  readonly failed: number;
}

export function startClients<M, N extends SimNode<M>, Input, Output>(
  sim: Simulation<M, N>,
  workload: ClientWorkload<Input, Output, N>,
): ClientRun {
  const [least, most] = workload.thinkMs ?? [1, 10];
  let finished = 0;
  let timedOut = 0;
  let failed = 0;
  const think = (random: Prng) => least + Math.floor(random.next() * (most - least + 1));

  const runClient = (client: string): void => {
    const random = sim.randomFor(client);
    let issued = 0;
    const next = (): void => {
      if (issued === workload.operationsPerClient) {
        finished += 1;
        return;
      }
      const live = sim.liveNodes().map(([id]) => id);
      if (live.length === 0) {
        sim.schedule(workload.timeoutMs, next); // every node is down: try again later
        return;
      }
      issued += 1;
      const target = workload.pickNode
        ? workload.pickNode(random, live, client)
        : (live[Math.floor(random.next() * live.length)] as string);
      const input = workload.nextInput(random, client);
      const id = sim.history.invoke(client, input);
      let settled = false;
      /** Ends the operation once: with a result for the history, or without one. */
      const settle = (output: { value: Output } | undefined): void => {
        if (settled) return;
        settled = true;
        cancelTimeout();
        if (output) sim.history.complete(id, output.value);
        sim.schedule(think(random), next);
      };
      const cancelTimeout = sim.schedule(workload.timeoutMs, () => {
        if (!settled) timedOut += 1;
        settle(undefined);
      });
      // A paused node takes the request when it resumes; a node that crashes first never answers.
      sim.onNode(target, (node) =>
        workload.submit(
          node,
          input,
          (output) => settle({ value: output }),
          () => {
            if (!settled) failed += 1;
            settle(undefined);
          },
        ),
      );
    };
    sim.schedule(think(random), next);
  };

  for (let i = 1; i <= workload.clients; i++) runClient(`client-${i}`);
  return {
    done: () => finished === workload.clients,
    get timedOut() {
      return timedOut;
    },
    get failed() {
      return failed;
    },
  };
}
