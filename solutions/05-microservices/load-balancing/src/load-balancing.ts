import { LoadBalancingError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. */
export class LoadBalancing {
  /**
   * TODO(kata new): one operation.
   * @throws LoadBalancingError INVALID_INPUT for an empty input.
   */
  run(input: string): string {
    if (input === "") throw new LoadBalancingError("INVALID_INPUT", "run() needs a non-empty input");
    return input.toUpperCase(); // TODO(kata new): the reference
  }
}
