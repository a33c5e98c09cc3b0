import { JwtRbacError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. */
export class JwtRbac {
  /**
   * TODO(kata new): one operation.
   * @throws JwtRbacError INVALID_INPUT for an empty input.
   */
  run(input: string): string {
    if (input === "") throw new JwtRbacError("INVALID_INPUT", "run() needs a non-empty input");
    return input.toUpperCase(); // TODO(kata new): the reference
  }
}
