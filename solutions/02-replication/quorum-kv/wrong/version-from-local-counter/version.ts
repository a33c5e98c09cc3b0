/**
 * The mistake: a put's version comes from the coordinator's own counter alone, ignoring what its
 * version round reported. A coordinator that never heard of a write made through another node
 * picks a version below it, and its later write loses to the earlier one on every replica.
 */
import type { Version } from "../../src/messages";

export { compareVersions, newestOf } from "../../src/version";

export function nextVersion(newestSeen: Version, lastIssued: number, node: string): Version {
  void newestSeen;
  return { counter: lastIssued + 1, node };
}
