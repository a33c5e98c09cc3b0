/**
 * How the store is measured, on the SQLite backend (the one a service runs on). Every command a
 * service handles ends in an append, usually of one event and sometimes of a few, so appends are
 * what the command side waits on; reads of one stream are what loading an aggregate costs. Each
 * side gets a database file of its own in the same temporary folder, so both write to the same
 * disk in the same run and the ratio compares designs (journal mode, statements, transactions).
 */
import { defineBench, tempDatabase } from "#kata/bench";
import { plainInserts, type StoreApi } from "./peers";
import type { NewEvent } from "./src/event-store";

const STREAMS = 1_000;

function deposits(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: "Deposited",
    data: { amount: 25 + i, currency: "EUR", reference: `salary-${i}` },
  }));
}

/** Appends of `batch` events each, round-robin over 1,000 account streams, each at its version. */
function appendLoop(api: StoreApi, batch: number): () => unknown {
  const store = new api.SqliteEventStore(tempDatabase("event-store").path);
  const versions = new Array<number>(STREAMS).fill(0);
  const events = deposits(batch);
  let next = 0;
  return () => {
    next = next === STREAMS - 1 ? 0 : next + 1;
    const result = store.append(`account-${next}`, versions[next] as number, events);
    versions[next] = result.version;
    return result;
  };
}

/** Reads of a whole 50-event stream, round-robin over 20 streams (20 commits to set up). */
function readLoop(api: StoreApi): () => unknown {
  const store = new api.SqliteEventStore(tempDatabase("event-store").path);
  const streams = 20;
  for (let i = 0; i < streams; i++) store.append(`account-${i}`, 0, deposits(50));
  let next = 0;
  return () => {
    next = next === streams - 1 ? 0 : next + 1;
    return store.readStream(`account-${next}`);
  };
}

export default defineBench<StoreApi>({
  workloads: [
    {
      kind: "throughput",
      name: "append, one event each",
      unit: "events appended",
      setup: (api) => appendLoop(api, 1),
    },
    {
      kind: "throughput",
      name: "append, ten events each",
      unit: "appends of 10 events",
      setup: (api) => appendLoop(api, 10),
    },
    {
      kind: "throughput",
      name: "read a stream of 50 events",
      unit: "streams read",
      setup: readLoop,
    },
  ],
  peers: [{ name: "plain better-sqlite3 inserts (no version check)", api: plainInserts }],
});
