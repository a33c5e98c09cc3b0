/** Events a day to events a second, average and peak. */
import * as check from "./checks";
import { requireDuration, requireTraffic } from "./quantity-checks";
import { Duration } from "./units";
import type { DailyTrafficInput, Traffic, UserTrafficInput } from "./capacity-estimation";

const ONE_DAY = Duration.of(1, "days");

export function ratePerSecond(count: number, period: Duration): number {
  const events = check.quantity(count, "count");
  return events / check.nonEmptyPeriod(requireDuration(period, "period").in("seconds"), "period");
}

export function dailyTraffic(input: DailyTrafficInput): Traffic {
  const perDay = check.quantity(input.perDay, "perDay");
  const peakFactor = check.peakFactor(input.peakFactor);
  const averagePerSecond = ratePerSecond(perDay, ONE_DAY);
  return { perDay, averagePerSecond, peakPerSecond: averagePerSecond * peakFactor };
}

export function userTraffic(input: UserTrafficInput): Traffic {
  const users = check.quantity(input.dailyActiveUsers, "dailyActiveUsers");
  const each = check.quantity(input.perUserPerDay, "perUserPerDay");
  return dailyTraffic({ perDay: users * each, peakFactor: input.peakFactor });
}

export function readTraffic(writes: Traffic, readsPerWrite: number): Traffic {
  const ratio = check.readsPerWrite(readsPerWrite);
  const { perDay, averagePerSecond, peakPerSecond } = requireTraffic(writes, "writes");
  return { perDay: perDay * ratio, averagePerSecond: averagePerSecond * ratio, peakPerSecond: peakPerSecond * ratio };
}
