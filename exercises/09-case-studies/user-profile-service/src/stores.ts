/**
 * What the service is given to work with (given code). In production these are a PostgreSQL
 * primary and one of its read replicas, a Redis cluster and a Kafka producer; the tests and the
 * bench give in-memory stand-ins (../profile-stores.ts) that answer asynchronously, as a network
 * would, and let a test decide how far the replica lags and when a request gets its answer.
 */
import type { Profile, ProfileChanges, ProfileEvent } from "./profile";

/** The primary database: every write goes here, and it always has the latest committed version. */
export interface PrimaryStore {
  /** The committed profile, or undefined when there is no such user. */
  read(userId: string): Promise<Profile | undefined>;
  /**
   * Applies `changes` and commits, stamping the profile with `at` as its updatedAt and one more
   * than its version. Resolves to the committed profile, or undefined when there is no such user
   * (nothing is written). Rejects when the write fails: then nothing was committed.
   */
  update(userId: string, changes: ProfileChanges, at: number): Promise<Profile | undefined>;
}

/**
 * A read replica. It applies the primary's commits in order, but later: its copy of a profile may
 * be older than the primary's (a lower version), and a user who has just signed up may not be on
 * it yet. How far behind it is has no bound: a second, a minute, longer.
 */
export interface ReplicaStore {
  read(userId: string): Promise<Profile | undefined>;
}

/** A shared cache in front of the databases (Redis, memcached), read by every instance of the service. */
export interface ProfileCache {
  /** The cached profile, or undefined when there is none or it has expired. */
  get(key: string): Promise<Profile | undefined>;
  /** Stores `profile` under `key` for `ttlMs` milliseconds (Redis SET key value PX ttlMs). */
  set(key: string, profile: Profile, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Where events go (a Kafka producer on the user-events topic). publish() delivers at once. */
export interface EventSink {
  publish(event: ProfileEvent): unknown;
}

export interface Clock {
  /** Milliseconds, from whatever origin the clock keeps; never goes back. */
  now(): number;
}

export interface UserProfileServiceOptions {
  primary: PrimaryStore;
  replica: ReplicaStore;
  cache: ProfileCache;
  events: EventSink;
  clock: Clock;
  /** How long a profile stays in the cache, in milliseconds: a positive whole number; one hour when omitted. */
  ttlMs?: number;
}
