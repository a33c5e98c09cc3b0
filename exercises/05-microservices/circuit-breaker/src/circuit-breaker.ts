import { notImplemented } from "#kata";
import { CircuitBreakerError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. */
export class CircuitBreaker {
  /**
   * TODO(kata new): one operation.
   * @throws CircuitBreakerError INVALID_INPUT for an empty input.
   */
  run(input: string): string {
    return notImplemented("CircuitBreaker.run");
  }
}
