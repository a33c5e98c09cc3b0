import { notImplemented } from "#kata";
import { JwtRbacError } from "./errors";

/** TODO(kata new): the API of the exercise, with doc comments that teach it. */
export class JwtRbac {
  /**
   * TODO(kata new): one operation.
   * @throws JwtRbacError INVALID_INPUT for an empty input.
   */
  run(input: string): string {
    return notImplemented("JwtRbac.run");
  }
}
