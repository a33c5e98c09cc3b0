/**
 * WRONG: the replication factor is checked, then forgotten: the estimate counts one copy of
 * everything, as the worked example's 3.6 PB does, when the disks hold three.
 */
import * as check from "../../src/checks";
import { requireSize, requireDuration } from "../../src/quantity-checks";
import type { StorageEstimate, StorageInput } from "../../src/capacity-estimation";

export function storageNeeded(input: StorageInput): StorageEstimate {
  const writesPerDay = check.quantity(input.writesPerDay, "writesPerDay");
  const writeSize = requireSize(input.writeSize, "writeSize");
  check.replicationFactor(input.replicationFactor);
  const days = requireDuration(input.retention, "retention").in("days");
  const perDay = writeSize.times(writesPerDay);
  const retained = perDay.times(days);
  return { perDay, perDayReplicated: perDay, retained, total: retained };
}
