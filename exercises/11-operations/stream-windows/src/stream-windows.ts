import { notImplemented } from "#kata";
import { StreamWindowsError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. */
export class StreamWindows {
  /**
   * TODO(kata new): one operation.
   * @throws StreamWindowsError INVALID_INPUT for an empty input.
   */
  run(input: string): string {
    return notImplemented("StreamWindows.run");
  }
}
