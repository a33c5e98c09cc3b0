/**
 * A deterministic discrete-event simulation of nodes on a network: a virtual clock, timers,
 * messages with seeded delays and faults, crashes and restarts, invariants checked after every
 * event, and a timeline of it all. Nothing in it reads the wall clock or Math.random, and node code
 * may not either while it runs (both throw, with the reason), so a seed replays a run exactly.
 */
import { EventQueue, type ScheduledEvent } from "./event-queue";
import { History } from "./history";
import { Links, RELIABLE_NETWORK, validateFaults, type NetworkFaults } from "./network";
import { Prng } from "./prng";
import { Timeline, describeMessage, type MessageLink, type TimelineKind } from "./timeline";

/** Storage that survives a crash: what a real node would fsync before answering. */
export interface StableStorage {
  get<T>(key: string): T | undefined;
  /** Values are copied in and out, so later changes to an object are not persisted by accident. */
  set<T>(key: string, value: T): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** Everything a node may use to act on the world. */
export interface NodeContext<M> {
  readonly id: string;
  /** The other nodes of the cluster, in a fixed order. */
  readonly peers: readonly string[];
  /**
   * This node's clock, in ms: the virtual time since the start, unless the test gave the node a
   * skewed or drifting clock (SimulationOptions.clocks, Simulation.setClock). Nodes cannot read
   * true time, as real servers cannot.
   */
  now(): number;
  send(to: string, message: M): void;
  /** Calls `callback` after `delayMs` ms of this node's clock, unless cleared or the node crashes first. */
  setTimer(delayMs: number, callback: () => void): TimerHandle;
  clearTimer(handle: TimerHandle | undefined): void;
  /** This node's own seeded random stream, a float in [0, 1). Use it instead of Math.random. */
  random(): number;
  readonly storage: StableStorage;
  /** A note on the timeline, shown when a test fails. */
  log(text: string): void;
}

export interface SimNode<M> {
  onMessage(from: string, message: M): void;
}

export interface SimulationOptions<M, N extends SimNode<M>> {
  seed: number;
  nodeIds: readonly string[];
  createNode: (context: NodeContext<M>) => N;
  network?: Partial<NetworkFaults>;
  /** Clocks that are off (offsetMs) or run fast or slow (drift 0.01 = 1% fast), by node id. */
  clocks?: Record<string, NodeClockSetting>;
}

export interface NodeClockSetting {
  /** Added to the node's clock reading from now on (a jump; may be negative). */
  offsetMs?: number;
  /** The clock's rate error from now on: 0.01 runs 1% fast, -0.01 1% slow. Above -1. */
  drift?: number;
}

/** A node's clock: reads base + rate x (true time - since). */
interface NodeClock {
  base: number;
  since: number;
  rate: number;
}

export interface MessageStats {
  sent: number;
  delivered: number;
  dropped: number;
  duplicated: number;
  /** Messages sent, by their `type` field where they have one. */
  sentByType: Record<string, number>;
}

export class SimulationError extends Error {
  override readonly name = "SimulationError";
  /** The simulation whose run broke, when it is known (an invariant's violation). */
  simulation?: Simulation<unknown, SimNode<unknown>>;
}

type AnySimulation = Simulation<unknown, SimNode<unknown>>;

/** Lists open while a body runs under `collectSimulations`: each new simulation joins the innermost. */
const collectors: AnySimulation[][] = [];

/**
 * Runs `body` and hands every simulation it created to `into`, so a failure can show their
 * timelines (forEachSeed does this). Nothing is kept once the body returns.
 */
export function collectSimulations<T>(into: AnySimulation[], body: () => T): T {
  collectors.push(into);
  try {
    return body();
  } finally {
    collectors.pop();
  }
}

interface NodeSlot<N> {
  node?: N;
  /** Bumped at each crash: timers and deliveries of an older incarnation are void. */
  incarnation: number;
  storage: Map<string, unknown>;
  random: Prng;
  clock: NodeClock;
  /** While the true clock is before this, the node is paused: it handles nothing. */
  pausedUntil: number;
}

export class Simulation<M, N extends SimNode<M>> {
  readonly seed: number;
  readonly timeline = new Timeline();
  readonly history: History;
  readonly stats: MessageStats = { sent: 0, delivered: 0, dropped: 0, duplicated: 0, sentByType: {} };
  private clock = 0;
  private readonly queue = new EventQueue();
  private readonly links = new Links();
  private readonly random: Prng;
  private faults: NetworkFaults;
  private readonly slots = new Map<string, NodeSlot<N>>();
  private readonly invariants: { name: string; check: () => string | undefined }[] = [];
  private readonly createNode: (context: NodeContext<M>) => N;
  private nextTimerId = 0;

  constructor(options: SimulationOptions<M, N>) {
    if (new Set(options.nodeIds).size !== options.nodeIds.length || options.nodeIds.length === 0) {
      throw new SimulationError(`node ids must be distinct and at least one, got [${options.nodeIds.join(", ")}]`);
    }
    this.seed = options.seed;
    this.random = new Prng(options.seed);
    this.faults = validateFaults({ ...RELIABLE_NETWORK, ...options.network });
    this.createNode = options.createNode;
    this.history = new History(() => this.clock);
    for (const id of options.nodeIds) {
      this.slots.set(id, {
        incarnation: 0,
        storage: new Map(),
        random: this.random.fork(id),
        clock: { base: 0, since: 0, rate: 1 },
        pausedUntil: 0,
      });
    }
    for (const [id, setting] of Object.entries(options.clocks ?? {})) this.setClock(id, setting);
    collectors.at(-1)?.push(this as unknown as AnySimulation);
    for (const id of options.nodeIds) this.boot(id);
  }

  /** Virtual milliseconds since the start. */
  get now(): number {
    return this.clock;
  }

  get nodeIds(): string[] {
    return [...this.slots.keys()];
  }

  /** The node's current object, or undefined while it is crashed. */
  node(id: string): N | undefined {
    return this.slot(id).node;
  }

  /** The nodes that are up, with their ids. */
  liveNodes(): [string, N][] {
    return [...this.slots].flatMap(([id, slot]) => (slot.node ? [[id, slot.node] as [string, N]] : []));
  }

  setNetwork(faults: Partial<NetworkFaults>): void {
    this.faults = validateFaults({ ...this.faults, ...faults });
  }

  partition(...groups: string[][]): void {
    for (const id of groups.flat()) this.slot(id);
    this.links.partition(groups);
    this.note("partition", undefined, groups.map((g) => `{${g.join(",")}}`).join(" | "));
  }

  block(from: string, to: string): void {
    this.slot(from);
    this.slot(to);
    this.links.block(from, to);
    this.note("partition", undefined, `${from} -/-> ${to} (one way)`);
  }

  heal(): void {
    this.links.heal();
    this.note("heal", undefined, "every link restored");
  }

  /**
   * Sets a node's clock from now on: `offsetMs` jumps it (as an NTP step does), `drift` changes its
   * rate (timers the node sets afterwards run at that rate too; pending ones keep theirs).
   */
  setClock(id: string, setting: NodeClockSetting): void {
    const slot = this.slot(id);
    const drift = setting.drift ?? slot.clock.rate - 1;
    if (!(drift > -1) || !Number.isFinite(drift))
      throw new SimulationError(`${id}: a clock's drift must be above -1 (0.01 runs 1% fast), got ${setting.drift}`);
    if (setting.offsetMs !== undefined && !Number.isFinite(setting.offsetMs))
      throw new SimulationError(`${id}: a clock's offsetMs must be a finite number of ms, got ${setting.offsetMs}`);
    const reading = this.localTime(slot) + (setting.offsetMs ?? 0);
    slot.clock = { base: reading, since: this.clock, rate: 1 + drift };
    this.note("note", id, `clock set: reads ${reading.toFixed(1)} ms, rate ${(1 + drift).toFixed(4)}`);
  }

  /** What the node's clock reads now. */
  clockOf(id: string): number {
    return this.localTime(this.slot(id));
  }

  /**
   * The node stops handling anything for `ms` (a long garbage-collection pause, a stopped VM):
   * messages to it wait, its timers fire late, and it resumes with its old state, unaware.
   */
  pause(id: string, ms: number): void {
    const slot = this.slot(id);
    if (!slot.node) throw new SimulationError(`${id} is crashed; a pause needs a running node`);
    if (!(ms > 0) || !Number.isFinite(ms)) throw new SimulationError(`${id}: pause needs a duration > 0 ms, got ${ms}`);
    slot.pausedUntil = Math.max(slot.pausedUntil, this.clock + ms);
    this.note("pause", id, `paused until ${slot.pausedUntil.toFixed(1)} ms`);
    const incarnation = slot.incarnation;
    this.queue.push(slot.pausedUntil, () => {
      if (slot.incarnation === incarnation && slot.pausedUntil <= this.clock) this.note("resume", id, "resumed");
    });
  }

  isPaused(id: string): boolean {
    return this.slot(id).pausedUntil > this.clock;
  }

  /**
   * Runs `action` on the node as an outside caller would (a client's request): now if it is up,
   * when it resumes if it is paused, never if it is crashed by then.
   */
  onNode(id: string, action: (node: N) => void): void {
    const slot = this.slot(id);
    const incarnation = slot.incarnation;
    const attempt = (): void => {
      if (slot.incarnation !== incarnation || !slot.node) return;
      if (slot.pausedUntil > this.clock) {
        this.queue.push(slot.pausedUntil, attempt);
        return;
      }
      const node = slot.node;
      this.guarded(() => action(node));
    };
    attempt();
  }

  /** The node stops: its timers die with it, messages to it are lost, its stable storage stays. */
  crash(id: string): void {
    const slot = this.slot(id);
    if (!slot.node) throw new SimulationError(`${id} is already crashed`);
    delete slot.node;
    slot.incarnation += 1;
    slot.pausedUntil = 0;
    this.note("crash", id, "crashed");
  }

  /** The node starts afresh from its stable storage, as after a reboot. */
  restart(id: string): void {
    const slot = this.slot(id);
    if (slot.node) throw new SimulationError(`${id} is running; crash it before restarting it`);
    this.note("restart", id, "restarted");
    this.boot(id);
  }

  /**
   * Runs `action` from outside the nodes (a client, a planned fault) `delayMs` virtual ms from now.
   * It is not a node's timer, so no crash cancels it; the returned function does.
   */
  schedule(delayMs: number, action: () => void): () => void {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs))
      throw new SimulationError(`schedule needs a delay >= 0 ms, got ${delayMs}`);
    const event = this.queue.push(this.clock + delayMs, action);
    return () => {
      event.cancelled = true;
    };
  }

  /** A random stream of its own for something outside the nodes (clients), fixed by the seed and `label`. */
  randomFor(label: string): Prng {
    return this.random.fork(`outside:${label}`);
  }

  /** Checked after every event; a message means the invariant broke, and the run stops there. */
  addInvariant(name: string, check: () => string | undefined): void {
    this.invariants.push({ name, check });
  }

  /** Runs every event up to `ms` virtual ms from now. */
  runFor(ms: number): void {
    this.runUntil(() => false, ms);
  }

  /** Runs until `done()` holds (checked after each event) or `maxMs` pass; says whether it held. */
  runUntil(done: () => boolean, maxMs: number): boolean {
    const deadline = this.clock + maxMs;
    if (done()) return true;
    // One guard around the whole run, not one per event: under jest every swap of a global is
    // recorded for clean-up, and per-event swaps made a test file's teardown cost seconds.
    return this.guarded(() => {
      for (;;) {
        const next = this.queue.peekTime();
        if (next === undefined || next > deadline) {
          this.clock = deadline;
          return false;
        }
        const event = this.queue.pop() as ScheduledEvent;
        this.clock = event.at;
        event.run();
        this.checkInvariants();
        if (done()) return true;
      }
    });
  }

  /** Replaces what the timeline shows for a message; the default is its JSON. */
  describe: (message: M) => string = describeMessage;

  private slot(id: string): NodeSlot<N> {
    const slot = this.slots.get(id);
    if (!slot) throw new SimulationError(`no node "${id}" in this simulation (nodes: ${this.nodeIds.join(", ")})`);
    return slot;
  }

  private boot(id: string): void {
    const slot = this.slot(id);
    const incarnation = slot.incarnation;
    const context: NodeContext<M> = {
      id,
      peers: this.nodeIds.filter((peer) => peer !== id),
      now: () => this.localTime(slot),
      send: (to, message) => this.send(id, incarnation, to, message),
      setTimer: (delayMs, callback) => this.setTimer(id, incarnation, delayMs, callback),
      clearTimer: (handle) => this.clearTimer(handle),
      random: () => slot.random.next(),
      storage: {
        get: <T>(key: string) => (slot.storage.has(key) ? (structuredClone(slot.storage.get(key)) as T) : undefined),
        set: <T>(key: string, value: T) => void slot.storage.set(key, structuredClone(value)),
      },
      log: (text) => this.note("note", id, text),
    };
    slot.node = this.guarded(() => this.createNode(context));
  }

  /** Pending timers by handle id, so clearTimer can cancel them. */
  private readonly timers = new Map<number, ScheduledEvent>();

  private localTime(slot: NodeSlot<N>): number {
    return slot.clock.base + slot.clock.rate * (this.clock - slot.clock.since);
  }

  private setTimer(id: string, incarnation: number, delayMs: number, callback: () => void): TimerHandle {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs))
      throw new SimulationError(`${id}: setTimer needs a delay >= 0 ms, got ${delayMs}`);
    const handle = { id: this.nextTimerId++ };
    const slot = this.slot(id);
    // The delay is measured on the node's own clock: a fast clock's timers fire early in true time.
    const event = this.queue.push(this.clock + delayMs / slot.clock.rate, () => {
      if (slot.incarnation !== incarnation) {
        this.timers.delete(handle.id);
        return;
      }
      if (slot.pausedUntil > this.clock) {
        // Paused: the timer fires when the node resumes, still cancellable until then.
        const late = this.queue.push(slot.pausedUntil, event.run);
        this.timers.set(handle.id, late);
        return;
      }
      this.timers.delete(handle.id);
      this.note("timer", id, `timer ${handle.id} fired`);
      this.guarded(callback);
    });
    this.timers.set(handle.id, event);
    return handle;
  }

  private clearTimer(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    const event = this.timers.get(handle.id);
    if (event) event.cancelled = true;
    this.timers.delete(handle.id);
  }

  private send(from: string, incarnation: number, to: string, message: M): void {
    if (this.slot(from).incarnation !== incarnation) return; // a dead incarnation's leftover callback
    this.slot(to);
    this.stats.sent += 1;
    const type =
      typeof message === "object" && message !== null && "type" in message
        ? String((message as { type: unknown }).type)
        : "message";
    this.stats.sentByType[type] = (this.stats.sentByType[type] ?? 0) + 1;
    // Sent means copied: the sender may reuse its object, and nothing it does later reaches the wire.
    const sent = structuredClone(message);
    const text = lazyText(() => this.describe(sent));
    const link: MessageLink = { id: this.stats.sent, from, to, type };
    this.note("send", from, () => `-> ${to} ${text()}`, link);
    if (!this.links.canDeliver(from, to) || this.random.chance(this.faults.dropRate)) {
      this.stats.dropped += 1;
      this.note("drop", from, () => `-> ${to} lost ${text()}`, link);
      return;
    }
    const copies = this.random.chance(this.faults.duplicateRate) ? 2 : 1;
    if (copies === 2) {
      this.stats.duplicated += 1;
      this.note("duplicate", from, () => `-> ${to} doubled ${text()}`, link);
    }
    for (let i = 0; i < copies; i++) {
      const delay = this.random.between(this.faults.minDelayMs, this.faults.maxDelayMs);
      this.queue.push(this.clock + delay, () => this.deliver(link, sent, text));
    }
  }

  private deliver(link: MessageLink, message: M, text: () => string): void {
    const { from, to } = link;
    const slot = this.slot(to);
    const node = slot.node;
    if (node && slot.pausedUntil > this.clock) {
      // A paused process's messages wait in its socket buffer, in order, until it resumes.
      this.queue.push(slot.pausedUntil, () => this.deliver(link, message, text));
      return;
    }
    // A partition made while the message was in flight cuts it too, as a cable pulled mid-transfer.
    if (!node || !this.links.canDeliver(from, to)) {
      this.stats.dropped += 1;
      this.note("drop", to, () => `<- ${from} lost (${node ? "link cut" : "node down"}) ${text()}`, link);
      return;
    }
    this.stats.delivered += 1;
    this.note("deliver", to, () => `<- ${from} ${text()}`, link);
    this.guarded(() => node.onMessage(from, structuredClone(message)));
  }

  private checkInvariants(): void {
    for (const invariant of this.invariants) {
      const broken = invariant.check();
      if (broken !== undefined) {
        this.note("violation", undefined, `${invariant.name}: ${broken}`);
        const error = new SimulationError(`${invariant.name} broke at ${this.clock.toFixed(1)} ms: ${broken}`);
        error.simulation = this as unknown as AnySimulation;
        throw error;
      }
    }
  }

  private note(kind: TimelineKind, node: string | undefined, text: string | (() => string), link?: MessageLink): void {
    this.timeline.add({
      at: this.clock,
      kind,
      ...(node !== undefined ? { node } : {}),
      text,
      ...(link !== undefined ? { link } : {}),
    });
  }

  /** Runs node code with every source of time and chance other than the context's made to throw. */
  private guarded<T>(run: () => T): T {
    return withoutAmbientTimeOrChance(run);
  }
}

/** A value computed once, on first use. */
function lazyText(make: () => string): () => string {
  let text: string | undefined;
  return () => (text ??= make());
}

const forbidden = (what: string, instead: string) => (): never => {
  throw new SimulationError(
    `code run by the simulation called ${what}: use ${instead}, so the run depends on its seed alone and can be replayed`,
  );
};

/** Date that still converts a given time (`new Date(ctx.now())`) but cannot read the wall clock. */
class VirtualOnlyDate extends Date {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) forbidden("new Date()", "new Date(ctx.now()), the virtual clock")();
    super(...(args as ConstructorParameters<DateConstructor>));
  }

  static override now = forbidden("Date.now()", "ctx.now(), the virtual clock");
}

/** How many guards are open: only the outermost one swaps the globals. */
let guardDepth = 0;

/**
 * Runs `run` with Math.random, Date.now, new Date(), performance.now and the global timers made to
 * throw: each would make a run depend on something the seed does not fix, and a failure could not
 * be replayed. Everything is put back afterwards, whatever happens.
 */
function withoutAmbientTimeOrChance<T>(run: () => T): T {
  if (guardDepth > 0) return run();
  const saved = {
    random: Math.random,
    Date: globalThis.Date,
    performanceNow: performance.now,
    setTimeout: globalThis.setTimeout,
    setInterval: globalThis.setInterval,
    setImmediate: globalThis.setImmediate,
  };
  Math.random = forbidden("Math.random()", "ctx.random(), the node's seeded stream");
  globalThis.Date = VirtualOnlyDate as unknown as DateConstructor;
  performance.now = forbidden("performance.now()", "ctx.now(), the virtual clock");
  globalThis.setTimeout = forbidden(
    "setTimeout()",
    "ctx.setTimer(), which fires in virtual time",
  ) as unknown as typeof setTimeout;
  globalThis.setInterval = forbidden(
    "setInterval()",
    "ctx.setTimer() again from its own callback",
  ) as unknown as typeof setInterval;
  globalThis.setImmediate = forbidden("setImmediate()", "ctx.setTimer(0, ...)") as unknown as typeof setImmediate;
  guardDepth += 1;
  try {
    return run();
  } finally {
    guardDepth -= 1;
    Math.random = saved.random;
    globalThis.Date = saved.Date;
    performance.now = saved.performanceNow;
    globalThis.setTimeout = saved.setTimeout;
    globalThis.setInterval = saved.setInterval;
    globalThis.setImmediate = saved.setImmediate;
  }
}
