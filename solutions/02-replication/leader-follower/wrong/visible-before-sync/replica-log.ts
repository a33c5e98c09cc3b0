/** Wrong: the leader applies a write where reads see it as it appends it, before the sync followers acknowledge it. */
import { ReplicaLog as Reference } from "../../src/replica-log";
import type { Entry } from "../../src/messages";

export class ReplicaLog extends Reference {
  override append(entry: Entry): void {
    super.append(entry);
    this.store.set(entry.key, entry.value);
  }
}
