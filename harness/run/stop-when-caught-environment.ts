/**
 * Jest's node environment, plus one thing verify needs when it runs a wrong design: once a test
 * has failed with a message naming the mistake, the rest of that exercise's tests are skipped.
 * The verdict ("caught, by this test") is already known, and the remaining tests of a wrong
 * design are most of verify's time.
 *
 * KATA_STOP_WHEN_CAUGHT is JSON: { "<absolute test file>": { "exercise": "<id>", "caughtBy": "<regex>" } }.
 * Files not named in it run in full. The state lives in this module, which jest loads once per
 * process: verify runs a batch in band, so an exercise's visible and hidden files share it.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from "@jest/environment";
import type { Circus } from "@jest/types";
import { TestEnvironment } from "jest-environment-node";

export interface StopPlan {
  exercise: string;
  caughtBy: string;
}

/** Exercise ids whose wrong design a test has already caught. */
const caught = new Set<string>();

function planFor(testPath: string): StopPlan | undefined {
  try {
    const plans = JSON.parse(process.env.KATA_STOP_WHEN_CAUGHT ?? "{}") as Record<string, StopPlan>;
    return plans[testPath];
  } catch {
    return undefined;
  }
}

/** Every message and stack of a test's errors (jest keeps some as [error, asyncError] pairs). */
function errorText(errors: unknown[]): string {
  return errors
    .flat()
    .map((e) => (e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e)))
    .join("\n");
}

export default class StopWhenCaughtEnvironment extends TestEnvironment {
  private readonly plan: StopPlan | undefined;
  private readonly naming: RegExp | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.plan = planFor(context.testPath);
    this.naming = this.plan ? new RegExp(this.plan.caughtBy, "i") : undefined;
  }

  handleTestEvent(event: Circus.Event): void {
    if (this.plan === undefined || this.naming === undefined) return;
    if (event.name === "test_start" && caught.has(this.plan.exercise)) {
      event.test.mode = "skip";
    } else if (event.name === "test_done" && event.test.errors.length > 0) {
      if (this.naming.test(errorText(event.test.errors))) caught.add(this.plan.exercise);
    }
  }
}
