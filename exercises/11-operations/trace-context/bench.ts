/** TODO(kata new): why this operation is what a real system spends its time on. */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/trace-context";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "operations",
      unit: "runs",
      setup: (api) => {
        const subject = new api.TraceContext();
        return () => subject.run("a");
      },
    },
  ],
});
