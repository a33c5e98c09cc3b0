/**
 * Wrong: only the completed steps are undone; a step that timed out is taken to have done nothing.
 */
export function compensationPlan(
  completed: readonly string[],
  failed: string,
  outcome: "rejected" | "unknown",
): string[] {
  void failed;
  void outcome;
  return [...completed].reverse();
}
