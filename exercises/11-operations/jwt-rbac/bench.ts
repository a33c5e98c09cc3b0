/** TODO(kata new): why this operation is what a real system spends its time on. */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/jwt-rbac";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "operations",
      unit: "runs",
      setup: (api) => {
        const subject = new api.JwtRbac();
        return () => subject.run("a");
      },
    },
  ],
});
