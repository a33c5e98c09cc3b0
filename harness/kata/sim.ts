/** The simulated network, for exercises and their tests, imported as `#kata/sim`. See docs/simulator.md. */
export { Simulation, SimulationError } from "../sim/simulation";
export type {
  MessageStats,
  NodeContext,
  SimNode,
  SimulationOptions,
  StableStorage,
  TimerHandle,
} from "../sim/simulation";
export { RELIABLE_NETWORK, NetworkConfigError } from "../sim/network";
export type { NetworkFaults } from "../sim/network";
export { History } from "../sim/history";
export type { Operation as HistoryOperation } from "../sim/history";
export {
  assertLinearizable,
  checkLinearizable,
  formatWindow,
  LinearizabilityError,
  type LinearizabilityResult,
  type Model,
} from "../sim/linearizability";
export {
  kvModel,
  registerModel,
  type KvInput,
  type KvOutput,
  type RegisterInput,
  type RegisterOutput,
} from "../sim/models";
export { startClients, type ClientRun, type ClientWorkload } from "../sim/clients";
export { Prng } from "../sim/prng";
export { forEachSeed, seedsToRun, SeededFailure } from "../sim/seeds";
export { ManualContext } from "../sim/manual-context";
export { VirtualTimers } from "../sim/virtual-timers";
export type { PendingTimer } from "../sim/manual-context";
