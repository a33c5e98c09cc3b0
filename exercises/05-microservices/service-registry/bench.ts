/** TODO(kata new): why these requests are what a real server of this kind spends its time on. */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/service-registry";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "http",
      name: "requests",
      server: (api) => api.createServiceRegistryServer(),
      requests: [{ path: "/" }],
      connections: 16,
      roundSeconds: 2,
    },
  ],
});
