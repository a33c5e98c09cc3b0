/** A rejoin with `after` is sent the message numbered `after` again (>= instead of >). */
import type { MessageFrame } from "../../src/frames";
import { History as ReferenceHistory } from "../../src/history";

export class History extends ReferenceHistory {
  override since(after: number | undefined, lastSeq: number): MessageFrame[] {
    if (after === undefined || after > lastSeq) return super.since(after, lastSeq);
    return super.since(undefined, lastSeq).filter((message) => message.seq >= after);
  }
}
