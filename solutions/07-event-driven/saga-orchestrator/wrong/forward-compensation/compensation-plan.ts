/**
 * Wrong: undone in the order they ran, the stock released before the refund.
 */
export function compensationPlan(
  completed: readonly string[],
  failed: string,
  outcome: "rejected" | "unknown",
): string[] {
  const plan = [...completed];
  if (outcome === "unknown") plan.push(failed);
  return plan;
}
