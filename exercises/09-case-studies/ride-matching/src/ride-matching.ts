import { notImplemented } from "#kata";
import { RideMatchingError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. */
export class RideMatching {
  /**
   * TODO(kata new): one operation.
   * @throws RideMatchingError INVALID_INPUT for an empty input.
   */
  run(input: string): string {
    return notImplemented("RideMatching.run");
  }
}
