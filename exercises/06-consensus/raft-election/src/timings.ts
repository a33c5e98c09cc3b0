/** A Raft node's roles and timing settings (given code). */

export type Role = "follower" | "candidate" | "leader";

export interface RaftTimings {
  /** Election timeouts are drawn uniformly from [min, max) each time the election timer is reset. */
  electionTimeoutMinMs: number;
  electionTimeoutMaxMs: number;
  /** How often a leader sends heartbeats (empty AppendEntries); below the minimum election timeout. */
  heartbeatIntervalMs: number;
}

/** The Raft paper's suggestion for a LAN: 150-300 ms election timeouts, heartbeats every 50 ms. */
export const DEFAULT_TIMINGS: RaftTimings = {
  electionTimeoutMinMs: 150,
  electionTimeoutMaxMs: 300,
  heartbeatIntervalMs: 50,
};
