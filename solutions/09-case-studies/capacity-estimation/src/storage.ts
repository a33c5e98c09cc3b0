/** What the disks must hold: a day's writes, every copy of them, for as long as they are kept. */
import * as check from "./checks";
import { requireSize, requireDuration } from "./quantity-checks";
import type { StorageEstimate, StorageInput } from "./capacity-estimation";

export function storageNeeded(input: StorageInput): StorageEstimate {
  const writesPerDay = check.quantity(input.writesPerDay, "writesPerDay");
  const writeSize = requireSize(input.writeSize, "writeSize");
  const copies = check.replicationFactor(input.replicationFactor);
  const days = requireDuration(input.retention, "retention").in("days");
  const perDay = writeSize.times(writesPerDay);
  // Retention is counted once, in days: a day's data times the days it is kept.
  const retained = perDay.times(days);
  return { perDay, perDayReplicated: perDay.times(copies), retained, total: retained.times(copies) };
}
