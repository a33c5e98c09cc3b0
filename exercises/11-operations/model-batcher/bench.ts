/**
 * How the feature store is measured: building a training set reads every feature of every row as
 * of the row's time, millions of reads deep into long histories. Here 20 entities have 5,000
 * values each of one feature (a reading every minute for three and a half days), and every
 * operation is one point-in-time read at a time drawn from a fixed sequence across the history.
 * A binary search over the history sorted by event time costs about 13 comparisons; a scan of
 * the history costs 5,000.
 *
 * The batcher is not benched here: its cost is a promise per request, the same for every design.
 */
import { defineBench } from "#kata/bench";
import type * as ServingModule from "./src/model-batcher";

type Api = Pick<typeof ServingModule, "FeatureStore">;

const ENTITIES = Array.from({ length: 20 }, (_, i) => `user-${i}`);
const VALUES = 5_000;
const MINUTE = 60_000;

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "point-in-time reads, 5,000 values per feature",
      unit: "reads",
      setup: (api) => {
        const store = new api.FeatureStore();
        for (const entity of ENTITIES) {
          for (let i = 0; i < VALUES; i++) store.write(entity, "txn_count_1h", (i * 7) % 97, i * MINUTE);
        }
        const queries = Array.from({ length: 4_096 }, (_, q) => ({
          entity: ENTITIES[q % ENTITIES.length] as string,
          asOf: ((q * 7_919) % VALUES) * MINUTE + 30_000,
        }));
        let q = 0;
        return () => {
          const query = queries[q] as (typeof queries)[number];
          q = (q + 1) & 4_095;
          return store.getAsOf(query.entity, "txn_count_1h", query.asOf);
        };
      },
    },
  ],
});
