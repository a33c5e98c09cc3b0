/**
 * The exercise's entry: every replicated type, for the tests and the bench. Given code.
 */
export { CrdtError, type CrdtErrorCode } from "./errors";
export { checkReplicaId } from "./replica-id";
export { compareVersions, mergeVersions, type Ordering, type VersionVector } from "./version-vector";
export { GCounter, type GCounterState } from "./g-counter";
export { PNCounter, type PNCounterState } from "./pn-counter";
export { LwwRegister, type LwwEntry, type LwwRegisterState } from "./lww-register";
export { MvRegister, type MvEntry, type MvRegisterState } from "./mv-register";
export { OrSet, type Dot, type OrSetState } from "./or-set";
