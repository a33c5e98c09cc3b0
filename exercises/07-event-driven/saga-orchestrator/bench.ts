/**
 * How the orchestrator is measured, on a saga of four steps whose services answer at once (the
 * bench measures the orchestrator, not the services):
 *
 * - "sagas, start to end": one saga started and run to its end per operation, while 1,000 others
 *   sit in the queue waiting out a long backoff (a payment provider that is down for them). One
 *   saga in ten is refused at the payment and compensates. Every 10,000 sagas the orchestrator
 *   starts over on a fresh log, so memory stays level.
 * - "recovery, 2,000 sagas in the log": one operation is a restart: a new orchestrator reads a log
 *   of 2,000 sagas (1,700 finished, 300 waiting on a retry) and is ready to run. After a crash,
 *   this is how long the outage lasts before the first saga moves again.
 */
import { defineBench } from "#kata/bench";
import type * as OrchestratorModule from "./src/saga-orchestrator";
import type { MemorySagaLog, SagaOrchestrator, SagaStep } from "./src/saga-orchestrator";

type Api = Pick<typeof OrchestratorModule, "SagaOrchestrator" | "MemorySagaLog" | "StepRejected">;

/** The input is the saga's number: saga n is refused at the payment when n % 10 === 9. */
type Input = number;

const DOWN = new Error("payment provider unavailable");

/**
 * Four steps. `parked` sagas (numbers below it) find the payment provider down on every attempt;
 * the others are refused at the payment when their number ends in 9.
 */
function steps(api: Api, parked: number): SagaStep<Input>[] {
  const declined = new api.StepRejected("card declined");
  const plain = (name: string): SagaStep<Input> => ({
    name,
    run: () => undefined,
    compensate: () => undefined,
  });
  return [
    plain("reserveInventory"),
    {
      name: "chargePayment",
      run: ({ input }) => {
        if (input < parked) throw DOWN;
        if (input % 10 === 9) throw declined;
      },
      compensate: () => undefined,
    },
    plain("arrangeShipping"),
    plain("confirmOrder"),
  ];
}

const HOUR = 3_600_000;

interface World {
  orchestrator: SagaOrchestrator<Input>;
  log: MemorySagaLog<Input>;
}

/** An orchestrator with `parked` sagas waiting an hour for their next payment attempt. */
function world(api: Api, parked: number, now: () => number): World {
  const log = new api.MemorySagaLog<Input>();
  const orchestrator = new api.SagaOrchestrator<Input>({
    steps: steps(api, parked),
    log,
    clock: now,
    maxAttempts: 1_000,
    retryDelayMs: HOUR,
    maxRetryDelayMs: HOUR,
  });
  for (let n = 0; n < parked; n++) orchestrator.start(`parked-${n}`, n);
  orchestrator.runDue();
  return { orchestrator, log };
}

function sagasStartToEnd(api: Api): () => unknown {
  const PARKED = 1_000;
  const ROUND = 10_000;
  let now = 0;
  const clock = (): number => now;
  let current = world(api, PARKED, clock);
  let n = PARKED;
  return () => {
    if (n === PARKED + ROUND) {
      current = world(api, PARKED, clock);
      n = PARKED;
    }
    now += 1;
    current.orchestrator.start(`order-${n}`, n);
    n++;
    return current.orchestrator.runDue();
  };
}

function recovery(api: Api): () => unknown {
  const SAGAS = 2_000;
  const PARKED = 300;
  const built = world(api, PARKED, () => 0);
  for (let n = PARKED; n < SAGAS; n++) built.orchestrator.start(`order-${n}`, n);
  built.orchestrator.runDue();
  const options = { steps: steps(api, PARKED), log: built.log, clock: () => 0, maxAttempts: 1_000 };
  return () => new api.SagaOrchestrator<Input>(options).nextDueAt;
}

export default defineBench<Api>({
  workloads: [
    { kind: "throughput", name: "sagas, start to end", unit: "sagas", setup: sagasStartToEnd },
    { kind: "throughput", name: "recovery, 2,000 sagas in the log", unit: "recoveries", setup: recovery },
  ],
});
