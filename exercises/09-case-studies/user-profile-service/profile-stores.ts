/**
 * Given stand-ins for the service's stores, shared by the visible tests, the hidden tests and the
 * bench: a primary database, a read replica whose lag the test drives, a shared cache with
 * expiry on an injected clock, and holds that keep a request waiting until the test lets it go.
 * Nothing here sleeps: time is the ManualClock's, lag is whatever the test leaves unapplied.
 *
 * Each store does its work when a request reaches it and answers asynchronously: at once, or
 * after the bench's latency, or when the test releases a hold. So a test can put a read exactly
 * between a write's request and its commit, which is where cache invalidation goes wrong.
 */
import { EventBus } from "#kata/bus";
import { ensure, flushPromises } from "#kata/testing";
import { ProfileError, type ProfileErrorCode } from "./src/errors";
import type { Profile, ProfileChanges, ProfileEvent } from "./src/profile";
import type { Clock, PrimaryStore, ProfileCache, ReplicaStore } from "./src/stores";
import { UserProfileService } from "./src/user-profile-service";

/** A clock that moves only when the test moves it. */
export class ManualClock implements Clock {
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Which request a store is answering, for the bench's latencies. */
export type StoreOperation =
  "primary.read" | "primary.update" | "replica.read" | "cache.get" | "cache.set" | "cache.delete";

/** A network's delay before a request's answer arrives (the bench's virtual milliseconds). */
export type Latency = (operation: StoreOperation) => Promise<void>;

/**
 * Requests held at a store until the test releases them. While a hold is on, each request that
 * reaches the store waits in line; release them in any order. releaseAll() also ends the hold.
 */
export class Hold {
  private readonly line: (() => void)[] = [];
  private on = true;

  /** How many requests are waiting. */
  get waiting(): number {
    return this.line.length;
  }

  get active(): boolean {
    return this.on;
  }

  /** The promise a request awaits (used by the stores). */
  join(): Promise<void> {
    return new Promise((resolve) => this.line.push(resolve));
  }

  /** Lets the oldest waiting request through. */
  releaseFirst(): void {
    this.line.shift()?.();
  }

  /** Lets the newest waiting request through. */
  releaseLast(): void {
    this.line.pop()?.();
  }

  /** Lets every waiting request through, oldest first, and holds no more. */
  releaseAll(): void {
    this.on = false;
    for (const release of this.line.splice(0)) release();
  }
}

const FIELDS = ["displayName", "bio", "avatarUrl"] as const;

/** The fields of a new user's profile. */
export type SignUp = Pick<Profile, "displayName" | "bio" | "avatarUrl">;

/**
 * The primary database. Counts its reads and updates, commits each update in the order requests
 * reach it (or are released), and tells its replicas about every commit.
 */
export class PrimaryDatabase implements PrimaryStore {
  reads = 0;
  updates = 0;
  private readonly rows = new Map<string, Profile>();
  private readonly followers: ((committed: Profile) => void)[] = [];
  private readonly failures: Error[] = [];
  private requestHold: Hold | undefined;
  private answerHold: Hold | undefined;
  private readHold: Hold | undefined;

  constructor(private readonly latency?: Latency) {}

  /** Signs a user up (version 1), outside the service, as the auth flow would. */
  create(userId: string, fields: SignUp, at = 0): Profile {
    const profile = Object.freeze({ userId, ...fields, version: 1, updatedAt: at });
    this.commit(profile);
    return profile;
  }

  /** The committed profile, read without counting: for tests' messages. */
  peek(userId: string): Profile | undefined {
    return this.rows.get(userId);
  }

  async read(userId: string): Promise<Profile | undefined> {
    this.reads++;
    const found = this.rows.get(userId);
    if (this.readHold?.active) await this.readHold.join();
    if (this.latency) await this.latency("primary.read");
    return found;
  }

  async update(userId: string, changes: ProfileChanges, at: number): Promise<Profile | undefined> {
    this.updates++;
    if (this.requestHold?.active) await this.requestHold.join();
    const failure = this.failures.shift();
    if (failure) throw failure;
    const row = this.rows.get(userId);
    let committed: Profile | undefined;
    if (row) {
      const next: Profile = { ...row, version: row.version + 1, updatedAt: at };
      for (const field of FIELDS) if (changes[field] !== undefined) Object.assign(next, { [field]: changes[field] });
      committed = Object.freeze(next);
      this.commit(committed);
    }
    if (this.answerHold?.active) await this.answerHold.join();
    if (this.latency) await this.latency("primary.update");
    return committed;
  }

  /** From now on, updates wait before committing until the test releases them. */
  holdUpdates(): Hold {
    this.requestHold = new Hold();
    return this.requestHold;
  }

  /** From now on, updates commit at once, but their answers wait until the test releases them. */
  holdUpdateAnswers(): Hold {
    this.answerHold = new Hold();
    return this.answerHold;
  }

  /** From now on, reads see the database as it is when they arrive; their answers wait for the test's release. */
  holdReadAnswers(): Hold {
    this.readHold = new Hold();
    return this.readHold;
  }

  /** The next update that reaches the database fails with `error`, committing nothing. */
  failNextUpdate(error: Error): void {
    this.failures.push(error);
  }

  /** Used by ReplicaDatabase: every commit from now on, in commit order. */
  follow(apply: (committed: Profile) => void): Profile[] {
    this.followers.push(apply);
    return [...this.rows.values()];
  }

  private commit(profile: Profile): void {
    this.rows.set(profile.userId, profile);
    for (const follower of this.followers) follower(profile);
  }
}

/**
 * A read replica of one primary. It starts as a copy and applies every later commit in order:
 * at once while it follows, or when the test says so after pause(). Its lag is the number of
 * commits it has received and not applied.
 */
export class ReplicaDatabase implements ReplicaStore {
  reads = 0;
  private readonly rows = new Map<string, Profile>();
  private readonly backlog: Profile[] = [];
  private following = true;
  private readonly failures: Error[] = [];
  private hold: Hold | undefined;

  /**
   * @param replication when given, each commit is applied once the promise it returns settles (the
   *   bench's replication delay, in virtual time); otherwise at once while following.
   */
  constructor(
    primary: PrimaryDatabase,
    private readonly latency?: Latency,
    private readonly replication?: () => Promise<void>,
  ) {
    for (const profile of primary.follow((committed) => this.receive(committed)))
      this.rows.set(profile.userId, profile);
  }

  /** Commits not applied yet. */
  get lag(): number {
    return this.backlog.length;
  }

  /** The replica's copy, read without counting: for tests' messages. */
  peek(userId: string): Profile | undefined {
    return this.rows.get(userId);
  }

  async read(userId: string): Promise<Profile | undefined> {
    this.reads++;
    if (this.hold?.active) await this.hold.join();
    const failure = this.failures.shift();
    if (failure) throw failure;
    const found = this.rows.get(userId);
    if (this.latency) await this.latency("replica.read");
    return found;
  }

  /** Stops applying commits: from now on they wait in the backlog and the replica lags. */
  pause(): void {
    this.following = false;
  }

  /** Applies the oldest `count` commits of the backlog. */
  applyNext(count = 1): void {
    for (const profile of this.backlog.splice(0, count)) this.rows.set(profile.userId, profile);
  }

  /** Applies the whole backlog and follows the primary again. */
  resume(): void {
    this.following = true;
    this.applyNext(this.backlog.length);
  }

  /** From now on, reads wait until the test releases them, and read the replica as it is then. */
  holdReads(): Hold {
    this.hold = new Hold();
    return this.hold;
  }

  /** The next read that reaches the replica fails with `error`. */
  failNextRead(error: Error): void {
    this.failures.push(error);
  }

  private receive(committed: Profile): void {
    this.backlog.push(committed);
    if (this.replication) void this.replication().then(() => this.applyNext());
    else if (this.following) this.applyNext();
  }
}

/** A shared cache (Redis) with expiry on the injected clock: an entry set at t for d ms is gone at t + d. */
export class SharedCache implements ProfileCache {
  gets = 0;
  sets = 0;
  deletes = 0;
  private readonly entries = new Map<string, { profile: Profile; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly latency?: Latency,
  ) {}

  /** The entry under `key`, expired or not, read without counting: for tests. */
  peek(key: string): { profile: Profile; expiresAt: number } | undefined {
    return this.entries.get(key);
  }

  async get(key: string): Promise<Profile | undefined> {
    this.gets++;
    const entry = this.entries.get(key);
    const found = entry && this.clock.now() < entry.expiresAt ? entry.profile : undefined;
    if (this.latency) await this.latency("cache.get");
    return found;
  }

  async set(key: string, profile: Profile, ttlMs: number): Promise<void> {
    this.sets++;
    this.entries.set(key, { profile, expiresAt: this.clock.now() + ttlMs });
    if (this.latency) await this.latency("cache.set");
  }

  async delete(key: string): Promise<void> {
    this.deletes++;
    this.entries.delete(key);
    if (this.latency) await this.latency("cache.delete");
  }
}

/** The users every test world starts with, all at version 1. */
export const USERS = {
  ada: { displayName: "Ada Lovelace", bio: "Analytical engines.", avatarUrl: null },
  grace: {
    displayName: "Grace Hopper",
    bio: "Compilers, and nanoseconds.",
    avatarUrl: "https://img.example.com/grace.png",
  },
  linus: { displayName: "Linus", bio: "", avatarUrl: null },
} as const satisfies Record<string, SignUp>;

/** The stores a service is given, as a test builds them: USERS signed up, the clock at 1,000,000 ms. */
export interface ProfileStores {
  clock: ManualClock;
  primary: PrimaryDatabase;
  replica: ReplicaDatabase;
  cache: SharedCache;
  events: EventBus<ProfileEvent>;
  /** Every event published, in order. */
  published: ProfileEvent[];
}

export function profileStores(): ProfileStores {
  const clock = new ManualClock(1_000_000);
  const primary = new PrimaryDatabase();
  for (const [userId, fields] of Object.entries(USERS)) primary.create(userId, fields, clock.now());
  const replica = new ReplicaDatabase(primary);
  const cache = new SharedCache(clock);
  const events = new EventBus<ProfileEvent>();
  const published: ProfileEvent[] = [];
  events.subscribe("user_profile_updated", (event) => published.push(event));
  return { clock, primary, replica, cache, events, published };
}

export interface ProfileWorld extends ProfileStores {
  service: UserProfileService;
}

/** A service over fresh stores (profileStores()). */
export function profileWorld(options: { ttlMs?: number } = {}): ProfileWorld {
  const stores = profileStores();
  const { primary, replica, cache, events, clock } = stores;
  return { ...stores, service: new UserProfileService({ primary, replica, cache, events, clock, ...options }) };
}

/** What a promise came to, readable without awaiting it. */
export interface Outcome<T> {
  settled: boolean;
  value?: T;
  error?: unknown;
}

/** Watches `promise` so a test can look at its outcome later without awaiting (and without an unhandled rejection). */
export function watch<T>(promise: Promise<T>): Outcome<T> {
  const outcome: Outcome<T> = { settled: false };
  promise.then(
    (value) => Object.assign(outcome, { settled: true, value }),
    (error: unknown) => Object.assign(outcome, { settled: true, error }),
  );
  return outcome;
}

/**
 * The value of a call that needs nothing the test is holding: every pending reaction gets a few
 * turns to run, then the call must have answered. A call still waiting fails with `what` named,
 * instead of hanging until jest's timeout.
 */
export async function answer<T>(promise: Promise<T>, what: string): Promise<T> {
  const outcome = watch(promise);
  for (let turn = 0; turn < 5 && !outcome.settled; turn++) await flushPromises();
  ensure(
    outcome.settled,
    `${what} had not answered although no store was holding a request and every pending reaction had run: ` +
      "it is waiting on something that never comes (a lock, a promise nothing settles).",
  );
  if ("error" in outcome) throw outcome.error;
  return outcome.value as T;
}

/** Lets every pending reaction run, a few macrotask turns' worth (nothing a hold keeps waiting). */
export async function settle(turns = 3): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await flushPromises();
}

/** The ProfileError a call throws or rejects with; any other error is rethrown, and success fails the test. */
export async function profileErrorOf(act: () => unknown): Promise<ProfileError> {
  try {
    await act();
  } catch (error) {
    if (error instanceof ProfileError) return error;
    throw error;
  }
  throw new Error("expected a ProfileError, but the call succeeded");
}

/** The code of the ProfileError a call throws or rejects with. */
export async function codeOfCall(act: () => unknown): Promise<ProfileErrorCode> {
  return (await profileErrorOf(act)).code;
}
