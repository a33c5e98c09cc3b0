/**
 * A producer and a consumer on the simulated network, for the tests and the bench (given code). It
 * takes the exercise's module as an argument, so the same helper drives your code, the reference or
 * a submission, whichever the test's import resolves to.
 *
 * The helper watches from outside the nodes, as an auditor would: it records every Deliver the
 * producer sends (through a NodeContext that passes each send on unchanged) and every effect the
 * handler applies (the handler is the application's database, outside the consumer: it survives
 * the consumer's crashes). Counting per message is then how each mode's promise is checked.
 */
import { Simulation, type ManualContext, type NetworkFaults, type NodeContext } from "#kata/sim";
import type * as DeliveryModule from "./src/delivery-guarantees";
import type { Deliver, DeliveryMessage } from "./src/messages";
import type { DeliveryOptions } from "./src/settings";

export type DeliveryApi = Pick<typeof DeliveryModule, "Producer" | "Consumer">;
export type ProducerNode = InstanceType<DeliveryApi["Producer"]>;
export type ConsumerNode = InstanceType<DeliveryApi["Consumer"]>;
export type PairSimulation = Simulation<DeliveryMessage, ProducerNode | ConsumerNode>;
export type ReceivedMessage = DeliveryModule.ReceivedMessage;

export const PRODUCER = "producer";
export const CONSUMER = "consumer";

/** What happened to each message, counted outside the nodes. */
export class Ledger {
  readonly published: string[] = [];
  /** The attempt numbers of every Deliver the producer sent, per key, in the order sent. */
  readonly sends = new Map<string, number[]>();
  /** Effects applied per key: handler calls that returned. */
  readonly effects = new Map<string, number>();
  /** Handler calls that threw, per key. */
  readonly failures = new Map<string, number>();

  sendsOf(key: string): number[] {
    return this.sends.get(key) ?? [];
  }

  effectsOf(key: string): number {
    return this.effects.get(key) ?? 0;
  }

  /** Keys applied at least once. */
  processed(): number {
    return this.effects.size;
  }
}

export interface PairOptions {
  seed: number;
  settings: DeliveryOptions;
  network?: Partial<NetworkFaults>;
  /** Makes the handler fail: the error message for a message that fails, undefined for one that succeeds. */
  fails?: (message: ReceivedMessage) => string | undefined;
}

/** The producer's context with every Deliver it sends written down in the ledger first. */
function recordingSends(ctx: NodeContext<DeliveryMessage>, ledger: Ledger): NodeContext<DeliveryMessage> {
  return {
    id: ctx.id,
    peers: ctx.peers,
    storage: ctx.storage,
    now: () => ctx.now(),
    send: (to, message) => {
      const m = message as Partial<Deliver>;
      if (m.type === "Deliver" && typeof m.key === "string") {
        const attempts = ledger.sends.get(m.key) ?? [];
        attempts.push(m.attempt as number);
        ledger.sends.set(m.key, attempts);
      }
      ctx.send(to, message);
    },
    setTimer: (ms, callback) => ctx.setTimer(ms, callback),
    clearTimer: (handle) => ctx.clearTimer(handle),
    random: () => ctx.random(),
    log: (text) => ctx.log(text),
  };
}

export class DeliveryPair {
  readonly sim: PairSimulation;
  readonly ledger = new Ledger();
  readonly settings: DeliveryOptions;

  /** The producer's context, for the timers that publish. */
  private producerClock!: NodeContext<DeliveryMessage>;

  constructor(api: DeliveryApi, options: PairOptions) {
    this.settings = options.settings;
    const { ledger } = this;
    const handler = (message: ReceivedMessage): void => {
      const error = options.fails?.(message);
      if (error !== undefined) {
        ledger.failures.set(message.key, (ledger.failures.get(message.key) ?? 0) + 1);
        throw new Error(error);
      }
      ledger.effects.set(message.key, ledger.effectsOf(message.key) + 1);
    };
    this.sim = new Simulation<DeliveryMessage, ProducerNode | ConsumerNode>({
      seed: options.seed,
      nodeIds: [PRODUCER, CONSUMER],
      createNode: (ctx) => {
        if (ctx.id !== PRODUCER) return new api.Consumer(ctx, handler, options.settings);
        this.producerClock = ctx;
        return new api.Producer(recordingSends(ctx, ledger), CONSUMER, options.settings);
      },
      ...(options.network ? { network: options.network } : {}),
    });
    this.sim.describe = describe;
  }

  producer(): ProducerNode {
    return this.sim.node(PRODUCER) as ProducerNode;
  }

  /** The consumer, or undefined while it is crashed. */
  consumer(): ConsumerNode | undefined {
    return this.sim.node(CONSUMER) as ConsumerNode | undefined;
  }

  /**
   * Publishes `count` messages, keys `${prefix}1`, `${prefix}2`, ..., the first now and then one
   * every `everyMs`, and runs the simulation until `count x everyMs` have passed. The publishes are
   * timers on the producer's clock, so the whole burst is one run of the simulation.
   */
  publish(count: number, everyMs: number, prefix = "m"): string[] {
    const keys = Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
    keys.forEach((key, i) => {
      const publishOne = (): void => {
        this.producer().publish(key, `payload of ${key}`);
        this.ledger.published.push(key);
      };
      if (i === 0) publishOne();
      else this.producerClock.setTimer(i * everyMs, publishOne);
    });
    this.sim.runFor(count * everyMs);
    return keys;
  }

  /** Runs until the producer has nothing pending (every message acked or dead-lettered), or `maxMs`. */
  settle(maxMs: number): boolean {
    return this.sim.runUntil(() => this.producer().pending().length === 0, maxMs);
  }

  deadLettered(): Set<string> {
    return new Set(
      this.producer()
        .deadLetters()
        .map((letter) => letter.key),
    );
  }

  /** One line on what became of a message, for failure messages. */
  story(key: string): string {
    const attempts = this.ledger.sendsOf(key);
    const pending = this.producer().pending().includes(key);
    const letter = this.producer()
      .deadLetters()
      .find((l) => l.key === key);
    return (
      `${key}: sent ${attempts.length} time(s) (attempts ${attempts.join(", ") || "none"}), applied ` +
      `${this.ledger.effectsOf(key)} time(s), handler failed ${this.ledger.failures.get(key) ?? 0} time(s), ` +
      (letter
        ? `dead-lettered as ${JSON.stringify(letter)}`
        : pending
          ? "still pending"
          : "not pending, not dead-lettered")
    );
  }
}

function describe(m: DeliveryMessage): string {
  switch (m.type) {
    case "Deliver":
      return `Deliver ${m.key} attempt ${m.attempt}`;
    case "Ack":
      return `Ack ${m.acks.map((a) => `${a.key}#${a.attempt}`).join(" ")}`;
    case "Nack":
      return `Nack ${m.key} attempt ${m.attempt}: ${m.error}`;
    default:
      return JSON.stringify(m);
  }
}

/**
 * Checked after every simulated event: the producer numbers a message's attempts 1, 2, 3, ... and
 * never sends more than maxAttempts of them; at-most-once sends each message once and applies it at
 * most once; effectively-once applies each message at most once.
 */
export function checkPromises(pair: DeliveryPair): void {
  const { ledger, sim } = pair;
  const mode = pair.settings.mode;
  const maxAttempts = pair.settings.maxAttempts ?? 5;
  sim.addInvariant("attempts are numbered 1, 2, 3, ... up to maxAttempts", () => {
    for (const [key, attempts] of ledger.sends) {
      if (attempts.some((attempt, i) => attempt !== i + 1))
        return `${key} went out as attempts ${attempts.join(", ")}: each delivery must carry the next attempt number`;
      if (attempts.length > maxAttempts)
        return (
          `${key} was delivered ${attempts.length} times with maxAttempts ${maxAttempts}: after the last attempt it must go ` +
          "to the dead-letter queue, not out again"
        );
    }
    return undefined;
  });
  if (mode === "at-most-once") {
    sim.addInvariant("at-most-once sends once", () => {
      for (const [key, attempts] of ledger.sends)
        if (attempts.length > 1)
          return (
            `${key} was sent ${attempts.length} times: at-most-once never retries. A retry is what turns "at most" into ` +
            '"at least"; a lost message stays lost, and that is the promise'
          );
      return undefined;
    });
  }
  if (mode === "at-most-once" || mode === "effectively-once") {
    sim.addInvariant(`${mode} applies each message at most once`, () => {
      for (const [key, count] of ledger.effects) if (count > 1) return duplicateLesson(pair, key);
      return undefined;
    });
  }
}

function duplicateLesson(pair: DeliveryPair, key: string): string {
  const { mode } = pair.settings;
  const rule =
    mode === "at-most-once"
      ? "at-most-once records a key when its message arrives, before processing, and drops every later copy of it " +
        "(the network duplicates messages)"
      : "effectively-once records the idempotency key in the same step as the effect, on stable storage, and does not " +
        "apply a copy whose key it remembers; copies arrive from the network and from redeliveries, before and after a restart";
  return `${pair.story(key)}. Applied twice: ${rule}.`;
}

/**
 * After the run: nothing lost without a trace. Each published message was applied, or is in the
 * dead-letter queue; and each dead letter went out exactly maxAttempts times.
 */
export function checkNothingLost(pair: DeliveryPair, situation: string): void {
  const dead = pair.deadLettered();
  const maxAttempts = pair.settings.maxAttempts ?? 5;
  for (const key of pair.ledger.published) {
    if (pair.ledger.effectsOf(key) === 0 && !dead.has(key)) {
      throw new Error(
        `${situation}: ${pair.story(key)}. ${pair.settings.mode} must never lose a message silently: it is processed, or ` +
          "it ends in the dead-letter queue. A message acked before it was processed is lost when the consumer crashes in " +
          "between; one whose key was recorded before its effect is skipped when it is redelivered.",
      );
    }
  }
  for (const letter of pair.producer().deadLetters()) {
    const sent = pair.ledger.sendsOf(letter.key).length;
    if (sent !== maxAttempts || letter.attempts !== maxAttempts)
      throw new Error(
        `${situation}: ${pair.story(letter.key)}. A message goes to the dead-letter queue after exactly maxAttempts ` +
          `(${maxAttempts}) deliveries, and its dead letter says so (attempts: ${maxAttempts}).`,
      );
  }
}

/**
 * For a node driven by hand: moves a ManualContext's clock to `at`, firing every timer due by then
 * in order, each at its own instant (ManualContext itself fires timers without moving the clock).
 */
export function advanceTo(ctx: ManualContext<DeliveryMessage>, at: number): void {
  for (;;) {
    let due: number | undefined;
    for (const timer of ctx.timers.values()) {
      const when = timer.setAt + timer.delayMs;
      if (due === undefined || when < due) due = when;
    }
    if (due === undefined || due > at) break;
    ctx.advance(Math.max(0, due - ctx.now()));
    ctx.fireNextTimer();
  }
  ctx.advance(Math.max(0, at - ctx.now()));
}
