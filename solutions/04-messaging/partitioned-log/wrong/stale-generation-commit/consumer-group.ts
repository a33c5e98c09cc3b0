/**
 * The mistake: a commit is checked against who owns the partition now, and its generation is
 * ignored. A commit delayed from an older generation is accepted whenever its member happens to
 * own the partition again, and overwrites what other owners committed in between.
 */
import { ConsumerGroup as Reference, type OffsetCommit } from "../../src/consumer-group";

export * from "../../src/consumer-group";

export class ConsumerGroup extends Reference {
  override commit(commit: OffsetCommit): void {
    super.commit({ ...commit, generation: this.generation });
  }
}
