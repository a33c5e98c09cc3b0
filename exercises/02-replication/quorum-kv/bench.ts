import { defineBench } from "#kata/bench";
import type * as KvModule from "./src/kv-node";
export default defineBench<typeof KvModule>({ workloads: [] });
