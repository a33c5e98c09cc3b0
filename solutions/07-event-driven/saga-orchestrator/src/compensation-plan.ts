/**
 * What a saga must undo once `failed` failed, next first: every completed step, last first, and
 * before them the failed step itself when its outcome is unknown (a timeout may have charged the
 * card before the answer was lost). A rejected step did nothing and is not undone.
 */
export function compensationPlan(
  completed: readonly string[],
  failed: string,
  outcome: "rejected" | "unknown",
): string[] {
  const plan = outcome === "unknown" ? [failed] : [];
  for (let i = completed.length - 1; i >= 0; i--) plan.push(completed[i] as string);
  return plan;
}
