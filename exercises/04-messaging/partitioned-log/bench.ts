/**
 * How the log is measured. A broker keeps days of messages and serves consumers that read at the
 * tail: each record a producer appends is fetched moments later by the member that owns its
 * partition, which then commits. So one operation here is one record's trip: append, poll by its
 * partition's owner, commit, on a topic of 8 partitions that already holds 20,000 messages, read by
 * a group of 3 members that a 4th joins and leaves every 4,096 records. A fetch near the tail should
 * cost what it returns, not what the topic has kept.
 *
 * The scaling check isolates the fetch: 10 messages near the tail of a partition of 1,000 messages
 * and of 100,000 should cost the same.
 */
import { defineBench } from "#kata/bench";
import { sampleKeys } from "#kata/testing";
import type * as LogModule from "./src/partitioned-log";

type Api = Pick<typeof LogModule, "PartitionedLog" | "ConsumerGroup">;
type Group = InstanceType<Api["ConsumerGroup"]>;

const KEYS = sampleKeys(4_096, 17);
const HISTORY = 20_000;
const PARTITIONS = 8;

/** Each partition's owner now, from the members' assignments. */
function ownersOf(group: Group): string[] {
  const owners = new Array<string>(PARTITIONS).fill("");
  for (const member of group.members()) {
    for (const { partition } of group.assignment(member)) owners[partition] = member;
  }
  return owners;
}

/** The member polls until it has caught up, committing as it goes: how the setup drains the history. */
function catchUp(group: Group, member: string): void {
  for (;;) {
    const { generation, messages } = group.poll(member, 500);
    if (messages.length === 0) return;
    const upTo = new Map<number, number>();
    for (const message of messages) upTo.set(message.partition, message.offset + 1);
    for (const [partition, offset] of upTo) group.commit({ member, generation, topic: "orders", partition, offset });
  }
}

function tailTraffic(api: Api): () => unknown {
  const log = new api.PartitionedLog();
  log.createTopic("orders", PARTITIONS);
  const group = new api.ConsumerGroup(log, { topics: ["orders"] });
  for (const member of ["c-0", "c-1", "c-2"]) group.join(member);
  for (let i = 0; i < HISTORY; i++)
    log.append("orders", { key: KEYS[i % KEYS.length] as string, value: "order placed" });
  for (const member of group.members()) catchUp(group, member);
  let owners = ownersOf(group);
  let sent = 0;
  return () => {
    const key = KEYS[sent % KEYS.length] as string;
    if (++sent % 4_096 === 0) {
      if (group.members().length === 3) group.join("c-3");
      else group.leave("c-3");
      owners = ownersOf(group);
    }
    const { partition } = log.append("orders", { key, value: "order placed" });
    const member = owners[partition] as string;
    const { generation, messages } = group.poll(member, 16);
    // The owner has caught up: it commits its partition's end offset.
    group.commit({ member, generation, topic: "orders", partition, offset: log.endOffset("orders", partition) });
    return messages.length;
  };
}

/** Fetches of 10 messages near the tail of one long partition, cycling over its last 1,000 offsets. */
function tailFetches(api: Api, length: number): () => unknown {
  const log = new api.PartitionedLog();
  log.createTopic("events", 1);
  for (let i = 0; i < length; i++) log.append("events", { value: "event" });
  const first = Math.max(0, length - 1_000);
  let offset = first;
  return () => {
    offset = offset >= length - 10 ? first : offset + 10;
    return log.fetch("events", 0, offset, 10);
  };
}

export default defineBench<Api>({
  workloads: [
    {
      kind: "throughput",
      name: "append, poll and commit at the tail",
      unit: "messages",
      setup: (api) => tailTraffic(api),
    },
    {
      kind: "scaling",
      name: "fetch scaling, 1k to 100k messages",
      unit: "fetches",
      small: { label: "a partition of 1,000 messages", setup: (api) => tailFetches(api, 1_000) },
      large: { label: "a partition of 100,000 messages", setup: (api) => tailFetches(api, 100_000) },
    },
  ],
});
