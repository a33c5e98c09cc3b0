/**
 * The mistake: a key is copied, verified and switched, and its source copy is never deleted ("reads
 * go to the target now, the old copy does no harm"). Every moved key ends on two shards: the old
 * copy is stale at the next write, and a shard that owns the key again later serves it.
 */
import type { StepAction } from "../../src/migration";

export { afterClientWrite, hasSwitched } from "../../src/move-steps";

export const STEP_ORDER: readonly StepAction[] = ["copy", "verify", "switch"];
