import { CodedError } from "#kata";

/** The errors a dependency-tracking cache raises for bad arguments. Given code. */
export type DependencyCacheErrorCode =
  | "INVALID_KEY" // a cache key that is not a non-empty string
  | "INVALID_ENTITY"; // an entity id that is not a non-empty string

export class DependencyCacheError extends CodedError<DependencyCacheErrorCode> {
  override readonly name = "DependencyCacheError";
}
