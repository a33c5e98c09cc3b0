/** What one workload measured, as the bench child reports it to the parent. */
export interface WorkloadMeasurement {
  name: string;
  kind: "throughput" | "scaling" | "http" | "ws" | "sim";
  unit: string;
  /** The learner's figure: ops/s, req/s, a scaling factor, or a mean (lower is better for sim). */
  learner: number;
  reference: number;
  /** The learner relative to the reference, higher is better: what the budget is compared with. */
  ratio: number;
  /** How the figures were got, for reports. */
  detail: string;
  /** Set when the learner's side could not be measured (it threw, crashed, or never answered). */
  error?: string;
}

export interface BenchReport {
  exercise: string;
  target: string;
  workloads: WorkloadMeasurement[];
}
