/**
 * The scatter half: every shard is asked at once, and each answer, failure or timeout is taken as
 * it comes. Each shard is settled once: its answer, or its failure, whichever happens first.
 * Anything later (an answer after the timeout, a timeout after the answer) is ignored. Under
 * "fail" the first failure rejects the query; whatever the other shards do later settles an
 * already-settled promise, which does nothing.
 */
import { QueryError } from "./errors";
import type { MissingShard, Row, Shard, ShardFailurePolicy, ShardRequest } from "./query";

export interface GatherSettings {
  readonly policy: ShardFailurePolicy;
  readonly timeoutMs: number | undefined;
  readonly sleep: ((ms: number) => Promise<void>) | undefined;
}

export interface Gathered {
  /** answers[i] is shards[i]'s rows; [] for a missing shard. */
  readonly answers: (readonly Row[])[];
  /** Sorted by shard id. */
  readonly missing: MissingShard[];
}

/** Calls fire after ms, on the injected clock or a real timer; returns what cancels it. */
function startTimer(ms: number, sleep: GatherSettings["sleep"], fire: () => void): () => void {
  if (sleep !== undefined) {
    void sleep(ms).then(fire);
    return () => undefined; // a virtual timer that fires late finds its shard settled
  }
  const handle = setTimeout(fire, ms);
  return () => clearTimeout(handle);
}

/** A shard's answer as a promise, even if its query throws before returning one. */
function ask(shard: Shard, request: ShardRequest): Promise<readonly Row[]> {
  try {
    return Promise.resolve(shard.query(request));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

function shardError(
  shard: string,
  reason: MissingShard["reason"],
  settings: GatherSettings,
  cause?: unknown,
): QueryError {
  if (reason === "timeout") {
    return new QueryError(
      "SHARD_TIMEOUT",
      `shard ${shard} did not answer within ${settings.timeoutMs} ms, so the query failed (onShardFailure "fail"); ` +
        `use onShardFailure "partial" to answer from the other shards, or a longer shardTimeoutMs`,
      shard,
    );
  }
  const why = cause instanceof Error ? cause.message : String(cause);
  return new QueryError(
    "SHARD_FAILED",
    `shard ${shard} failed (${why}), so the query failed (onShardFailure "fail"); ` +
      `use onShardFailure "partial" to answer from the other shards`,
    shard,
    cause,
  );
}

export function gatherAnswers(
  shards: readonly Shard[],
  request: ShardRequest,
  settings: GatherSettings,
): Promise<Gathered> {
  return new Promise((resolve, reject) => {
    const answers: (readonly Row[])[] = shards.map(() => []);
    const missing: MissingShard[] = [];
    const cancels: (() => void)[] = [];
    let waiting = shards.length;

    /** The query is over: no timer of it needs to fire any more. */
    const finish = (): void => {
      for (const cancel of cancels) cancel();
    };
    const oneLess = (): void => {
      if (--waiting > 0) return;
      finish();
      missing.sort((a, b) => (a.shard < b.shard ? -1 : 1));
      resolve({ answers, missing });
    };

    shards.forEach((shard, i) => {
      let open = true; // neither answered nor failed yet
      const fail = (reason: MissingShard["reason"], cause?: unknown): void => {
        if (!open) return;
        open = false;
        if (settings.policy === "fail") {
          finish();
          reject(shardError(shard.id, reason, settings, cause));
          return;
        }
        missing.push({ shard: shard.id, reason });
        oneLess();
      };
      const answer = (rows: readonly Row[]): void => {
        if (!open) return; // stale: after this shard's timeout
        if (!Array.isArray(rows)) {
          fail("error", new TypeError(`it answered ${typeof rows}, not an array of rows`));
          return;
        }
        open = false;
        answers[i] = rows;
        oneLess();
      };
      if (settings.timeoutMs !== undefined)
        cancels.push(startTimer(settings.timeoutMs, settings.sleep, () => fail("timeout")));
      ask(shard, request).then(answer, (error: unknown) => fail("error", error));
    });
  });
}
