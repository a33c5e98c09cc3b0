/** TODO(kata new): why this operation is what a real system spends its time on. */
import { defineBench, tempDatabase } from "#kata/bench";
import type * as Api from "./src/event-store";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "operations",
      unit: "rows added",
      // A file of its own per side, removed when the bench's process exits.
      setup: (api) => {
        const store = new api.EventStore(tempDatabase("event-store").path);
        return () => store.add("a");
      },
    },
  ],
});
