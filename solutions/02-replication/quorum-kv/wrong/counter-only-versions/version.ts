/**
 * The mistake: versions are compared by counter alone. Two writes that picked the same counter at
 * once are taken for the same version: each replica keeps whichever arrived first, replicas
 * disagree forever, and reads of different quorums return different values without repairing.
 */
import type { Version } from "../../src/messages";

export { newestOf, nextVersion } from "../../src/version";

export function compareVersions(a: Version, b: Version): number {
  return a.counter - b.counter;
}
