/**
 * Time, injected. Given code: use it, no need to change it.
 *
 * The breaker and retry() never read the wall clock or call setTimeout themselves: they ask a
 * Clock. Tests pass a ManualClock (time moves only when the test says so, and its timers fire in
 * time order); production code passes `systemClock`. Both live in the workbook's harness
 * (`#kata/clock`), shared by every exercise that sets timers.
 */
export { systemClock, type CancellableTimer, type Clock } from "#kata/clock";
