/**
 * Wrong design: replies are matched to asks by the actor asked, not by the ask: one reply slot per
 * actor, holding its latest ask. A reply that comes after its own ask timed out settles whichever
 * ask to that actor came next, so a caller gets the answer to someone else's question.
 */
import { openAsk as referenceOpenAsk, type OpenAsk, type PendingAsk } from "../../src/ask";
import type { Scheduler } from "../../src/scheduler";

export { PendingAsk, type OpenAsk } from "../../src/ask";

const latestAsk = new WeakMap<Scheduler, Map<string, PendingAsk<unknown>>>();

export function openAsk<R>(
  scheduler: Scheduler,
  target: string,
  timeoutMs: number,
  onClosedReply: (value: R) => void,
): OpenAsk<R> {
  const opened = referenceOpenAsk<R>(scheduler, target, timeoutMs, onClosedReply);
  const byActor = latestAsk.get(scheduler) ?? new Map<string, PendingAsk<unknown>>();
  latestAsk.set(scheduler, byActor);
  byActor.set(target, opened.pending as PendingAsk<unknown>);
  const replyTo = {
    reply: (value: R) => ((byActor.get(target) as PendingAsk<R> | undefined) ?? opened.pending).reply(value),
  };
  return { ...opened, replyTo };
}
