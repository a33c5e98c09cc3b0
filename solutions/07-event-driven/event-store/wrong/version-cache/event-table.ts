/**
 * Wrong: each connection remembers the versions it has seen (a cache to save a query per append)
 * and checks expected versions against that memory. Another connection's appends never reach it.
 */
import type { AppendResult } from "../../src/events";
import { EventTable as Reference } from "../../src/event-table";

export class EventTable extends Reference {
  private readonly known = new Map<string, number>();

  override version(stream: string): number {
    const known = this.known.get(stream);
    if (known !== undefined) return known;
    const version = super.version(stream);
    this.known.set(stream, version);
    return version;
  }

  override append(
    stream: string,
    expectedVersion: number,
    types: readonly string[],
    texts: readonly string[],
  ): AppendResult {
    const result = super.append(stream, expectedVersion, types, texts);
    this.known.set(stream, result.version);
    return result;
  }
}
