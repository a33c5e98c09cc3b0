/**
 * What an exercise's bench.ts declares. A bench never times anything itself: it says how to build
 * one operation (or a server, or a simulated run) from an implementation, and the harness measures
 * the learner's implementation and the reference in the same run, interleaved, and scores the
 * ratio against the budget in exercise.json (the workload's name is the budget's key).
 */
import type { Server } from "node:http";

/** One operation to repeat; its return value is kept so the work cannot be optimised away. */
export type Operation = () => unknown;

/** Throughput of one operation: learner ops/s over reference ops/s. */
export interface ThroughputWorkload<Api> {
  kind: "throughput";
  name: string;
  /** What one operation is, plural, for reports: "lookups". */
  unit: string;
  /** Builds the state (outside the timing) and returns the operation to time. */
  setup(api: Api): Operation;
  /** False when the bench's peers cannot run this workload (it needs an injected clock, say). */
  compareWithPeers?: boolean;
}

/**
 * Catches the wrong complexity class whatever the machine: each implementation's throughput at a
 * large size over its own throughput at a small one, learner's over reference's. An O(log n)
 * lookup keeps most of its speed from n to 100n; an O(n) scan keeps about 1%.
 */
export interface ScalingWorkload<Api> {
  kind: "scaling";
  name: string;
  unit: string;
  /** Sizes for the report: "10 nodes" and "1,000 nodes". */
  small: { label: string; setup(api: Api): Operation };
  large: { label: string; setup(api: Api): Operation };
}

/**
 * Requests per second through a real node:http server on 127.0.0.1, loaded by autocannon. Each
 * implementation's server runs in a process of its own; rounds alternate between them.
 */
export interface HttpWorkload<Api> {
  kind: "http";
  name: string;
  /** Starts a server (not yet listening) on the implementation. */
  server(api: Api): Server;
  /** The requests autocannon cycles through, e.g. different clients' headers, or a write with its body. */
  requests: {
    method?: "GET" | "POST" | "PUT" | "DELETE";
    path: string;
    headers?: Record<string, string>;
    body?: string;
  }[];
  connections: number;
  /** Length of one measured round, in seconds. */
  roundSeconds: number;
  /** False when the bench's peers cannot serve this workload. */
  compareWithPeers?: boolean;
}

/**
 * Chat messages per second fanned out by a real WebSocket server on 127.0.0.1 (the `ws` package),
 * loaded by the harness's client fleet (ws-load.ts): `rooms` rooms of `membersPerRoom` clients,
 * every member a sender with at most `window` messages in flight (a message lands when the next
 * member of its room receives it), every delivery to every member counted. Bounded in clients and
 * seconds; each implementation's server runs in a process of its own; rounds alternate. The wire
 * protocol is the exercise's: the bench says how to join, how to send and how to read a delivery.
 */
export interface WsWorkload<Api> {
  kind: "ws";
  name: string;
  /** An http server (not yet listening) with the exercise's WebSocket server attached. */
  server(api: Api): Server;
  /** The WebSocket endpoint's path, "/" by default. */
  path?: string;
  rooms: number;
  membersPerRoom: number;
  window: number;
  /** Length of one measured round, in seconds. */
  roundSeconds: number;
  /** The frames a client sends to join `room` as `member` (0-based within the room). */
  joinFrames(room: string, member: number): string[];
  /** The frame member `member` sends as its message number `seq`. */
  messageFrame(room: string, member: number, seq: number): string;
  /** Which member's message number a received frame delivers; undefined for any other frame. */
  delivered(frame: string): { member: number; seq: number } | undefined;
}

/**
 * A deterministic figure from simulated runs, lower is better (virtual ms, messages): measured on
 * `seeds` seeds and averaged; the ratio is reference's over learner's. No noise, so no rounds.
 */
export interface SimWorkload<Api> {
  kind: "sim";
  name: string;
  unit: string;
  seeds: number;
  /** May be async (figures in virtual time from VirtualTimers, say), but must not read the wall clock. */
  measure(api: Api, seed: number): number | Promise<number>;
}

export type Workload<Api> =
  ThroughputWorkload<Api> | ScalingWorkload<Api> | HttpWorkload<Api> | WsWorkload<Api> | SimWorkload<Api>;

/**
 * A library people use for the same job, behind the exercise's API (an adapter), or the bare
 * baseline of the job (a node:http server that answers without limiting, say). `kata bench` shows
 * the reference beside it on every throughput and http workload, same run, as context: peers are
 * never part of a score.
 */
export interface Peer<Api> {
  /** How reports name it: "lru-cache 11". */
  name: string;
  /** The exercise's API, backed by the library. */
  api: Api;
}

/**
 * A deterministic figure other than speed (a ring's load spread, say), lower is better, shown for
 * the reference beside each peer. Context only, like peers.
 */
export interface PeerFigure<Api> {
  name: string;
  /** What the number is: "busiest node / mean". */
  unit: string;
  measure(api: Api): number;
}

/** The workloads receive the exports of exercise.json's `entry` module, one instance per side. */
export interface BenchDefinition<Api> {
  workloads: Workload<Api>[];
  peers?: Peer<Api>[];
  figures?: PeerFigure<Api>[];
}

/** Declares a bench; the identity function that gives bench.ts its types. */
export function defineBench<Api>(definition: BenchDefinition<Api>): BenchDefinition<Api> {
  return definition;
}
