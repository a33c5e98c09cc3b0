/**
 * WRONG: retention counted twice. The days of the retention period, then times 365 again "to make
 * it years": 5 years of 2 TB a day come to 1,332 PB instead of 3.65 PB.
 */
import * as check from "../../src/checks";
import { requireSize, requireDuration } from "../../src/quantity-checks";
import type { StorageEstimate, StorageInput } from "../../src/capacity-estimation";

export function storageNeeded(input: StorageInput): StorageEstimate {
  const writesPerDay = check.quantity(input.writesPerDay, "writesPerDay");
  const writeSize = requireSize(input.writeSize, "writeSize");
  const copies = check.replicationFactor(input.replicationFactor);
  const days = requireDuration(input.retention, "retention").in("days");
  const perDay = writeSize.times(writesPerDay);
  const retained = perDay.times(days).times(365); // the mistake
  return { perDay, perDayReplicated: perDay.times(copies), retained, total: retained.times(copies) };
}
