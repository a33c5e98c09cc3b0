/** The whole API in one module, for the bench (given code: nothing to write here). */
export * from "./errors";
export * from "./jwt";
export * from "./rbac";
