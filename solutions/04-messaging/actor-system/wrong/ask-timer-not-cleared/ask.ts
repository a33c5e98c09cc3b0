/**
 * Wrong design: the timeout timer is set and never cancelled. Answers are right (a timer that
 * fires after the reply finds the ask closed), but every answered ask leaves a timer pending for
 * its whole timeout: a real process stays alive that long, and a busy one holds a timer for every
 * ask of the last timeoutMs.
 */
import { openAsk as referenceOpenAsk, type OpenAsk } from "../../src/ask";
import type { Scheduler } from "../../src/scheduler";

export { PendingAsk, type OpenAsk } from "../../src/ask";

export function openAsk<R>(
  scheduler: Scheduler,
  target: string,
  timeoutMs: number,
  onClosedReply: (value: R) => void,
): OpenAsk<R> {
  const neverCancelled: Scheduler = {
    now: () => scheduler.now(),
    setTimer(delayMs, callback) {
      scheduler.setTimer(delayMs, callback);
      return {
        cancel() {
          // the mistake: the timer stays set
        },
      };
    },
  };
  return referenceOpenAsk<R>(neverCancelled, target, timeoutMs, onClosedReply);
}
