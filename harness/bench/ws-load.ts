/**
 * WebSocket workloads: each implementation's server runs in a process of its own (serve.ts); a
 * fleet of `ws` clients in this process joins its rooms and sends in alternating rounds, after a
 * warm-up round each. Closed loop: a member sends its next message only while fewer than `window`
 * of its messages are in flight, so a slow server slows the load instead of drowning in it, and
 * the figure is what the server sustains: deliveries (one per receiving member) per second.
 */
import WebSocket from "ws";
import type { WsWorkload } from "./define";
import { startServer, type RunningServer } from "./http-load";
import { median } from "./interleave";
import type { Side } from "./load-implementation";
import { formatRate } from "./measure";
import type { WorkloadMeasurement } from "./result";

export const WS_ROUNDS = 4;
const CONNECT_TIMEOUT_MS = 10_000;
/** After a round, in-flight messages get this long to land before the next round starts. */
const DRAIN_MS = 500;

interface Member {
  room: string;
  index: number;
  socket: WebSocket;
  seq: number;
  inFlight: number;
}

/** All the clients of one server, and what they have seen. */
class Fleet {
  private members: Member[] = [];
  private running = false;
  deliveries = 0;
  errors = 0;
  /** Frames that named a member or a message that does not exist: a protocol the bench misread. */
  strays = 0;

  constructor(
    private readonly workload: WsWorkload<unknown>,
    private readonly port: number,
  ) {}

  async connect(): Promise<void> {
    const w = this.workload;
    const opening: Promise<void>[] = [];
    for (let r = 0; r < w.rooms; r++)
      for (let m = 0; m < w.membersPerRoom; m++) {
        const socket = new WebSocket(`ws://127.0.0.1:${this.port}${w.path ?? "/"}`);
        const member: Member = { room: `room-${r}`, index: m, socket, seq: 0, inFlight: 0 };
        this.members.push(member);
        socket.on("error", () => (this.errors += 1));
        socket.on("message", (data) => this.received(member, String(data)));
        opening.push(
          new Promise((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error("a client could not connect within 10 s")),
              CONNECT_TIMEOUT_MS,
            );
            socket.once("open", () => {
              clearTimeout(timer);
              for (const frame of w.joinFrames(member.room, m)) socket.send(frame);
              resolve();
            });
            socket.once("close", () => clearTimeout(timer));
          }),
        );
      }
    await Promise.all(opening);
  }

  private received(receiver: Member, frame: string): void {
    const delivery = this.workload.delivered(frame);
    if (delivery === undefined) return;
    if (this.running) this.deliveries += 1;
    // The next member of the sender's room acknowledges its messages for the sender.
    const size = this.workload.membersPerRoom;
    if ((delivery.member + 1) % size !== receiver.index) return;
    const sender = this.members.find((m) => m.room === receiver.room && m.index === delivery.member);
    if (!sender || sender.inFlight === 0) {
      this.strays += 1;
      return;
    }
    sender.inFlight -= 1;
    this.fill(sender);
  }

  private fill(member: Member): void {
    while (this.running && member.inFlight < this.workload.window && member.socket.readyState === WebSocket.OPEN) {
      member.inFlight += 1;
      member.seq += 1;
      member.socket.send(this.workload.messageFrame(member.room, member.index, member.seq));
    }
  }

  /** Deliveries per second over one round of `seconds`. */
  async round(seconds: number): Promise<number> {
    this.deliveries = 0;
    this.running = true;
    for (const member of this.members) this.fill(member);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    this.running = false;
    const counted = this.deliveries;
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
    for (const member of this.members) member.inFlight = 0; // lost ones must not stall the next round
    return counted / seconds;
  }

  close(): void {
    for (const member of this.members) member.socket.terminate();
  }
}

export async function measureWs(
  workload: WsWorkload<unknown>,
  benchFile: string,
  learnerSide: Side,
  referenceSide: Side,
  roundCount = WS_ROUNDS,
): Promise<WorkloadMeasurement> {
  const servers: RunningServer[] = [];
  const fleets: Fleet[] = [];
  try {
    const reference = await startServer(benchFile, referenceSide, workload.name);
    servers.push(reference);
    const learner = await startServer(benchFile, learnerSide, workload.name);
    servers.push(learner);
    const learnerFleet = new Fleet(workload, learner.port);
    const referenceFleet = new Fleet(workload, reference.port);
    fleets.push(learnerFleet, referenceFleet);
    await learnerFleet.connect();
    await referenceFleet.connect();
    await learnerFleet.round(1);
    await referenceFleet.round(1);
    const rounds: { learner: number; reference: number }[] = [];
    for (let i = 0; i < roundCount; i++) {
      const learnerFirst = i % 2 === 0;
      const first = await (learnerFirst ? learnerFleet : referenceFleet).round(workload.roundSeconds);
      const second = await (learnerFirst ? referenceFleet : learnerFleet).round(workload.roundSeconds);
      rounds.push(learnerFirst ? { learner: first, reference: second } : { learner: second, reference: first });
    }
    const learnerRate = median(rounds.map((r) => r.learner));
    const referenceRate = median(rounds.map((r) => r.reference));
    const clients = workload.rooms * workload.membersPerRoom;
    return {
      name: workload.name,
      kind: "ws",
      unit: "deliveries/s",
      learner: learnerRate,
      reference: referenceRate,
      ratio: median(rounds.map((r) => (r.reference === 0 ? 0 : r.learner / r.reference))),
      detail:
        `median of ${roundCount} alternating ${workload.roundSeconds} s rounds, ${clients} clients in ${workload.rooms} rooms, ` +
        `${workload.window} messages in flight per sender: ${formatRate(learnerRate)} vs reference ${formatRate(referenceRate)} deliveries/s` +
        (learnerFleet.errors > 0 ? `; ${learnerFleet.errors} connection errors on the learner's server` : "") +
        (learnerFleet.strays > 0
          ? `; ${learnerFleet.strays} deliveries of messages never sent or already delivered`
          : ""),
    };
  } finally {
    for (const fleet of fleets) fleet.close();
    for (const server of servers) server.child.kill("SIGKILL");
  }
}
