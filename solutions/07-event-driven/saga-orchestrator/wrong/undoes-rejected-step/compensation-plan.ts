/**
 * Wrong: the failed step is undone whatever its outcome, a definite "no" included.
 */
export function compensationPlan(
  completed: readonly string[],
  failed: string,
  outcome: "rejected" | "unknown",
): string[] {
  void outcome;
  const plan = [failed];
  for (let i = completed.length - 1; i >= 0; i--) plan.push(completed[i] as string);
  return plan;
}
