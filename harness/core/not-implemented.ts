/**
 * What a stub throws until the learner writes the body. The message is the first thing a learner
 * reads in a failing test, so it says what to do, not only what is wrong.
 */

/** Every not-implemented message contains this text; verify and grading look for it. */
export const NOT_IMPLEMENTED_MARKER = "is not implemented yet";

export class NotImplementedError extends Error {
  override readonly name = "NotImplementedError";

  constructor(readonly what: string) {
    super(
      `${what} ${NOT_IMPLEMENTED_MARKER}: replace the notImplemented(...) line in its body with your code (the exercise README says what it must do).`,
    );
  }
}

/**
 * Marks a stub body. Typed `never` so a stub returning a value still compiles:
 * `lookup(key: string): string { return notImplemented("HashRing.lookup"); }`
 */
export function notImplemented(what: string): never {
  throw new NotImplementedError(what);
}
