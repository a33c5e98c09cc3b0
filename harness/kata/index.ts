/**
 * The workbook's API for exercises, imported as `#kata`. Exercises import the harness by this
 * name, never by a relative path, so a student copy kept anywhere on disk still finds it.
 */
export { NotImplementedError, notImplemented, NOT_IMPLEMENTED_MARKER } from "../core/not-implemented";
export { CodedError } from "../core/coded-error";
