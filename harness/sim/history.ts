/**
 * A history of client operations: when each was invoked and when it returned, on the virtual
 * clock. Checkers (such as a linearizability checker for the KV exercises) read histories; they
 * know nothing of the nodes, only of invocations and results, as in Porcupine.
 */
export interface Operation<Input, Output> {
  id: number;
  client: string;
  input: Input;
  invokedAt: number;
  /** Undefined while the operation is pending (or if it never returned). */
  output?: Output;
  returnedAt?: number;
}

export class History<Input = unknown, Output = unknown> {
  private readonly operations: Operation<Input, Output>[] = [];

  constructor(private readonly clock: () => number) {}

  invoke(client: string, input: Input): number {
    const id = this.operations.length;
    this.operations.push({ id, client, input, invokedAt: this.clock() });
    return id;
  }

  complete(id: number, output: Output): void {
    const operation = this.operations[id];
    if (!operation) throw new RangeError(`no operation ${id} in the history`);
    if (operation.returnedAt !== undefined) throw new Error(`operation ${id} already returned`);
    operation.output = output;
    operation.returnedAt = this.clock();
  }

  all(): readonly Operation<Input, Output>[] {
    return this.operations;
  }
}
