/**
 * A linearizability checker in the manner of Porcupine and Knossos: given a history of client
 * operations (invoked and returned on the virtual clock) and a sequential model of the object, is
 * there one order of the operations that respects real time (an operation that returned before
 * another was invoked comes first) and that the model accepts, result by result?
 *
 * The search is Wing and Gong's, with Lowe's memo: walk the history's invocations and returns in
 * time order; at an invocation, try to take that operation effect now (the model must accept its
 * recorded result); at a return whose operation has not taken effect yet, back up. A (set of
 * operations taken, model state) pair seen once is never explored again. A model that says how to
 * split a history (per key, for a key-value store) has each part checked alone: linearizability is
 * compositional, and the parts are exponentially cheaper.
 *
 * An operation that never returned (a timeout, a crashed client) may or may not have taken effect,
 * as Jepsen treats it: it may take effect at any point after its invocation, with any result, or
 * never.
 */
import type { Operation } from "./history";

export interface Model<State, Input, Output> {
  init(): State;
  /**
   * Applies one operation: whether `output` is a result this state can give, and the state after.
   * `output` is undefined for an operation that never returned: accept any result then.
   */
  step(state: State, input: Input, output: Output | undefined): [ok: boolean, next: State];
  /** A key that is equal for equal states (JSON.stringify by default). */
  key?(state: State): string;
  /** Splits a history into parts that are independent (one per key, say). */
  partition?(operations: readonly Operation<Input, Output>[]): Operation<Input, Output>[][];
  /** One operation in words for the failure table: "put x=3", "get x -> 3". */
  describe?(input: Input, output: Output | undefined): string;
}

export interface LinearizabilityResult<Input, Output> {
  ok: boolean;
  /** On a violation: a smallest set of operations (from one part) that is already not linearizable. */
  window: Operation<Input, Output>[];
  /** How many operations and parts were checked. */
  operations: number;
  parts: number;
}

interface Entry {
  op: number;
  kind: "call" | "return";
  time: number;
  prev: Entry | undefined;
  next: Entry | undefined;
  match: Entry | undefined;
}

/** Whether one part (or a whole history) is linearizable under `model`. */
function searchPart<S, I, O>(ops: readonly Operation<I, O>[], model: Model<S, I, O>): boolean {
  const keyOf = model.key ?? ((s: S) => JSON.stringify(s));
  // At one instant: returns, then calls, then the returns of operations that took no time at all.
  // So an operation that returned at t precedes one invoked at t, and none returns before its call.
  const events: Entry[] = [];
  ops.forEach((op, index) => {
    const call: Entry = {
      op: index,
      kind: "call",
      time: op.invokedAt,
      prev: undefined,
      next: undefined,
      match: undefined,
    };
    const ret: Entry = {
      op: index,
      kind: "return",
      time: op.returnedAt ?? Number.POSITIVE_INFINITY,
      prev: undefined,
      next: undefined,
      match: call,
    };
    call.match = ret;
    events.push(call, ret);
  });
  const rank = (e: Entry): number =>
    e.kind === "call" ? 1 : (ops[e.op] as Operation<I, O>).invokedAt === e.time ? 2 : 0;
  events.sort((a, b) => a.time - b.time || rank(a) - rank(b));
  const head: Entry = { op: -1, kind: "call", time: -Infinity, prev: undefined, next: undefined, match: undefined };
  let last = head;
  for (const e of events) {
    last.next = e;
    e.prev = last;
    last = e;
  }

  const lift = (call: Entry): void => {
    const ret = call.match as Entry;
    (call.prev as Entry).next = call.next;
    if (call.next) call.next.prev = call.prev;
    (ret.prev as Entry).next = ret.next;
    if (ret.next) ret.next.prev = ret.prev;
  };
  const unlift = (call: Entry): void => {
    const ret = call.match as Entry;
    (ret.prev as Entry).next = ret;
    if (ret.next) ret.next.prev = ret;
    (call.prev as Entry).next = call;
    if (call.next) call.next.prev = call;
  };

  const taken = new Uint32Array(Math.ceil(ops.length / 32));
  const seen = new Set<string>();
  const stack: { call: Entry; state: S }[] = [];
  let state = model.init();
  let entry = head.next;
  while (head.next !== undefined) {
    if (entry === undefined) return false; // cannot happen: a return always ends the walk
    // Only pending operations are left (their returns sort last, at infinity): none has to take effect.
    if (entry.kind === "return" && entry.time === Number.POSITIVE_INFINITY) return true;
    if (entry.kind === "call") {
      const op = ops[entry.op] as Operation<I, O>;
      const [ok, next] = model.step(state, op.input, op.returnedAt === undefined ? undefined : op.output);
      if (ok) {
        taken[entry.op >>> 5] = (taken[entry.op >>> 5] as number) | (1 << (entry.op & 31));
        const memo = `${taken.join(",")}|${keyOf(next)}`;
        if (!seen.has(memo)) {
          seen.add(memo);
          stack.push({ call: entry, state });
          state = next;
          lift(entry);
          entry = head.next;
          continue;
        }
        taken[entry.op >>> 5] = (taken[entry.op >>> 5] as number) & ~(1 << (entry.op & 31));
      }
      entry = entry.next;
      continue;
    }
    // A completed operation's return, and it has not taken effect: undo the last choice.
    const top = stack.pop();
    if (top === undefined) return false;
    state = top.state;
    taken[top.call.op >>> 5] = (taken[top.call.op >>> 5] as number) & ~(1 << (top.call.op & 31));
    unlift(top.call);
    entry = top.call.next;
  }
  return true;
}

/** Checks a history; on a violation, also finds a small window of it that shows the violation. */
export function checkLinearizable<S, I, O>(
  history: readonly Operation<I, O>[],
  model: Model<S, I, O>,
): LinearizabilityResult<I, O> {
  const parts = model.partition ? model.partition(history) : [[...history]];
  for (const part of parts) {
    if (searchPart(part, model)) continue;
    return { ok: false, window: shrink(part, model), operations: history.length, parts: parts.length };
  }
  return { ok: true, window: [], operations: history.length, parts: parts.length };
}

/**
 * Drops operations one at a time while what is left stays non-linearizable: what remains is a
 * window in which every operation matters. Long parts are first cut to the shortest failing prefix.
 */
function shrink<S, I, O>(part: readonly Operation<I, O>[], model: Model<S, I, O>): Operation<I, O>[] {
  const byCall = [...part].sort((a, b) => a.invokedAt - b.invokedAt);
  let low = 1;
  let high = byCall.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (searchPart(byCall.slice(0, mid), model)) low = mid + 1;
    else high = mid;
  }
  let window = byCall.slice(0, high);
  if (window.length > 400) return window; // a 1-minimal window would cost too many searches
  for (let i = window.length - 1; i >= 0; i--) {
    const without = [...window.slice(0, i), ...window.slice(i + 1)];
    if (!searchPart(without, model)) window = without;
  }
  return window;
}

/** The window as a table a person can read: client, operation, invoked, returned. */
export function formatWindow<S, I, O>(window: readonly Operation<I, O>[], model: Model<S, I, O>): string {
  const describe =
    model.describe ??
    ((input: I, output: O | undefined) =>
      `${JSON.stringify(input)} -> ${output === undefined ? "?" : JSON.stringify(output)}`);
  const rows = window.map((op) => [
    op.client,
    describe(op.input, op.returnedAt === undefined ? undefined : op.output),
    String(op.invokedAt),
    op.returnedAt === undefined ? "never" : String(op.returnedAt),
  ]);
  const header = ["client", "operation", "invoked", "returned"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/**
 * Throws, with the window as a table, when the history is not linearizable. Inside forEachSeed,
 * the seed and its replay command are added to the message.
 */
export function assertLinearizable<S, I, O>(
  history: readonly Operation<I, O>[],
  model: Model<S, I, O>,
  what = "the history",
): void {
  const result = checkLinearizable(history, model);
  if (result.ok) return;
  throw new LinearizabilityError(
    `${what} is not linearizable: no order of these ${result.window.length} operations respects real time and gives the results the clients saw ` +
      `(invoked and returned in virtual ms; an operation that returned before another was invoked must take effect first):\n` +
      formatWindow(result.window, model),
    result.window,
  );
}

export class LinearizabilityError<I = unknown, O = unknown> extends Error {
  override readonly name = "LinearizabilityError";
  constructor(
    message: string,
    readonly window: readonly Operation<I, O>[],
  ) {
    super(message);
  }
}
