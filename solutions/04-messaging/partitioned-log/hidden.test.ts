/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import fc from "fast-check";
import { codeOf, ensure, messageOf as messageOfError, propertySettings, sampleKeys } from "#kata/testing";
import { CheckedGroup, partitionName } from "./group-checker";
import { rangeAssignor, roundRobinAssignor, type TopicPartitions } from "./src/assignors";
import { PartitionedLogError } from "./src/errors";
import { ConsumerGroup, PartitionedLog, type OffsetCommit } from "./src/partitioned-log";
import { partitionForKey } from "./src/partitioner";

const KEYS = sampleKeys(1_000, 99);

function logWith(topics: Record<string, number>): PartitionedLog {
  const log = new PartitionedLog();
  for (const [name, partitions] of Object.entries(topics)) log.createTopic(name, partitions);
  return log;
}

function appendKeyless(log: PartitionedLog, topic: string, count: number): void {
  for (let i = 0; i < count; i++) log.append(topic, { value: `${topic} #${i}` });
}

const messageOf = (act: () => unknown): string => messageOfError(PartitionedLogError, act);

/** Kafka's assignors as their source reads, over sorted members, for comparing any assignment. */
function kafkaAssignment(strategy: "range" | "roundrobin", members: string[], topics: TopicPartitions[]): string {
  const sorted = [...members].sort();
  const owned = new Map<string, string[]>(sorted.map((m) => [m, []]));
  const byName = [...topics].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  let dealt = 0;
  for (const { topic, partitions } of byName) {
    for (let p = 0; p < partitions; p++) {
      let member: string;
      if (strategy === "roundrobin") {
        member = sorted[dealt++ % sorted.length] as string;
      } else {
        const each = Math.floor(partitions / sorted.length);
        const extra = partitions % sorted.length;
        // partition p belongs to the member whose range [start, start + size) holds it
        let i = 0;
        while (p >= (i + 1) * each + Math.min(i + 1, extra)) i++;
        member = sorted[i] as string;
      }
      owned.get(member)?.push(partitionName(topic, p));
    }
  }
  return JSON.stringify(Object.fromEntries(owned));
}

describe("hidden: partitions of keys", () => {
  test("multi-byte keys hash their UTF-8 bytes, as the Java client's serializer sends them", () => {
    expect(partitionForKey("ключ", 6)).toBe(2);
    expect(partitionForKey("😀", 12)).toBe(9);
    expect(partitionForKey("", 10)).toBe(1);
    expect(partitionForKey("東京", 12)).toBe(7);
    expect(partitionForKey("foobar", 3)).toBe(0);
  });

  test("with one partition every key goes to partition 0", () => {
    for (const key of KEYS.slice(0, 100)) expect(partitionForKey(key, 1)).toBe(0);
  });

  test("an absent key and a null key are both no key: round robin", () => {
    const log = logWith({ t: 3 });
    const got = [
      log.append("t", { value: "a" }).partition,
      log.append("t", { value: "b", key: null }).partition,
      log.append("t", { value: "c", key: undefined }).partition,
      log.append("t", { value: "d" }).partition,
    ];
    expect(got).toEqual([0, 1, 2, 0]);
    expect(log.fetch("t", 1, 0, 1)[0]?.key).toBeNull();
  });

  test("a refused append changes nothing: no offset used, no round-robin turn taken", () => {
    const log = logWith({ t: 3 });
    log.append("t", { value: "first" });
    expect(() => log.append("t", { value: "bad", partition: 3 })).toThrow(PartitionedLogError);
    expect(() => log.append("t", { value: 5 as unknown as string })).toThrow(PartitionedLogError);
    expect(() => log.append("t", { key: 5 as unknown as string, value: "x" })).toThrow(PartitionedLogError);
    expect(log.append("t", { value: "second" })).toEqual({ topic: "t", partition: 1, offset: 0 });
    expect([0, 1, 2].map((p) => log.endOffset("t", p))).toEqual([1, 1, 0]);
  });
});

describe("hidden: fetch edges", () => {
  test("an empty partition fetched from 0 gives nothing; a large maxMessages gives what there is", () => {
    const log = logWith({ t: 2 });
    expect(log.fetch("t", 1, 0, 10)).toEqual([]);
    appendKeyless(log, "t", 6);
    expect(log.fetch("t", 0, 1, 1_000).map((m) => m.offset)).toEqual([1, 2]);
    expect(codeOf(PartitionedLogError, () => log.fetch("t", 0, 4, 1))).toBe("OFFSET_OUT_OF_RANGE");
    expect(log.fetch("t", 0, 3, 1)).toEqual([]);
  });

  test("messages name the end offset, the partition count and the value given", () => {
    const log = logWith({ orders: 4 });
    appendKeyless(log, "orders", 8);
    expect(messageOf(() => log.fetch("orders", 1, 9, 1))).toMatch(/\b2\b/);
    expect(messageOf(() => log.fetch("orders", 7, 0, 1))).toMatch(/\b7\b/);
    expect(messageOf(() => log.createTopic("x", 2.5))).toContain("2.5");
    expect(messageOf(() => log.fetch("orders", 0, -3, 1))).toContain("-3");
    expect(messageOf(() => log.fetch("orders", 0, 0, 0))).toMatch(/positive integer/i);
  });

  test("more bad input: Infinity partitions, non-string names, fractional offsets and batch sizes", () => {
    const log = logWith({ t: 1 });
    expect(codeOf(PartitionedLogError, () => log.createTopic("u", Number.POSITIVE_INFINITY))).toBe(
      "INVALID_PARTITION_COUNT",
    );
    expect(codeOf(PartitionedLogError, () => log.createTopic(7 as unknown as string, 1))).toBe("INVALID_TOPIC_NAME");
    expect(codeOf(PartitionedLogError, () => log.fetch("t", 0, 0.5, 1))).toBe("INVALID_OFFSET");
    expect(codeOf(PartitionedLogError, () => log.fetch("t", 0, 0, 1.5))).toBe("INVALID_MAX_MESSAGES");
    expect(codeOf(PartitionedLogError, () => log.append("t", null as unknown as { value: string }))).toBe(
      "INVALID_MESSAGE",
    );
    expect(log.topics()).toEqual(["t"]);
    expect(new PartitionedLog().topics()).toEqual([]);
  });
});

describe("hidden: assignors against Kafka's", () => {
  const memberIds = fc.uniqueArray(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,6}$/), { minLength: 1, maxLength: 7 });
  const topicList = fc.uniqueArray(
    fc.record({ topic: fc.stringMatching(/^[a-z][a-z.]{0,5}$/), partitions: fc.integer({ min: 1, max: 12 }) }),
    { minLength: 1, maxLength: 4, selector: (t) => t.topic },
  );

  test.each(["range", "roundrobin"] as const)(
    "%s gives exactly Kafka's assignment for any members and topics",
    (name) => {
      const assignor = name === "range" ? rangeAssignor : roundRobinAssignor;
      fc.assert(
        fc.property(memberIds, topicList, (members, topics) => {
          const got = assignor(members, topics);
          const gotText = JSON.stringify(
            Object.fromEntries(
              [...got]
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([m, owned]) => [m, owned.map((tp) => partitionName(tp.topic, tp.partition))]),
            ),
          );
          const expected = kafkaAssignment(name, members, topics);
          ensure(
            gotText === expected,
            `${name} over members ${JSON.stringify(members)} and topics ${JSON.stringify(topics)} gave ${gotText}; Kafka's gives ` +
              `${expected} (members sorted as strings, "B" before "a"; topics by name; each list sorted by topic, then partition)`,
          );
        }),
        propertySettings(80),
      );
    },
  );

  test("the assignors do not change the lists they are given", () => {
    const members = ["c-2", "c-1"];
    const topics = [
      { topic: "b", partitions: 2 },
      { topic: "a", partitions: 1 },
    ];
    rangeAssignor(members, topics);
    roundRobinAssignor(members, topics);
    expect(members).toEqual(["c-2", "c-1"]);
    expect(topics.map((t) => t.topic)).toEqual(["b", "a"]);
  });

  test("no members: an empty assignment", () => {
    expect(rangeAssignor([], [{ topic: "t", partitions: 3 }]).size).toBe(0);
    expect(roundRobinAssignor([], [{ topic: "t", partitions: 3 }]).size).toBe(0);
  });
});

describe("hidden: groups over several topics", () => {
  test("a range group over three topics gives its first member an extra partition of each", () => {
    const log = logWith({ a: 3, b: 5, c: 1 });
    const group = new ConsumerGroup(log, { topics: ["c", "a", "b"] });
    group.join("m-2");
    group.join("m-1");
    expect(group.strategy).toBe("range");
    expect(group.topics).toEqual(["c", "a", "b"]);
    expect(group.assignment("m-1").map((tp) => partitionName(tp.topic, tp.partition))).toEqual([
      "a-0",
      "a-1",
      "b-0",
      "b-1",
      "b-2",
      "c-0",
    ]);
    expect(group.assignment("m-2").map((tp) => partitionName(tp.topic, tp.partition))).toEqual(["a-2", "b-3", "b-4"]);
  });

  test("a longer random history over three topics: nothing skipped, only uncommitted messages re-read", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(), fc.integer({ min: 1, max: 40 })), {
          minLength: 20,
          maxLength: 80,
        }),
        fc.constantFrom("range" as const, "roundrobin" as const),
        (steps, strategy) => {
          const log = logWith({ orders: 6, payments: 2, refunds: 1 });
          const group = new ConsumerGroup(log, { topics: ["orders", "payments", "refunds"], strategy });
          const checked = new CheckedGroup(log, group);
          checked.join("w-1");
          let sent = 0;
          for (const [action, who, size] of steps) {
            const members = group.members();
            const member = members[who % Math.max(1, members.length)];
            if (action === 0) {
              for (let i = 0; i < size; i++, sent++) {
                const topic = ["orders", "orders", "payments", "refunds"][sent % 4] as string;
                log.append(
                  topic,
                  sent % 5 === 0 ? { value: "keyless" } : { key: KEYS[sent % KEYS.length] as string, value: "v" },
                );
              }
            } else if (action === 1 && member !== undefined) checked.poll(member, size);
            else if (action === 2 && member !== undefined) checked.commit(member);
            else if (action === 3 && !members.includes(`w-${size}`)) checked.join(`w-${size}`);
            else if (action === 4 && member !== undefined) checked.leave(member);
            else if (action === 5 && member !== undefined) {
              const owned = group.assignment(member)[0];
              if (owned !== undefined) {
                const at = checked.expectedPosition(owned.topic, owned.partition) ?? 0;
                checked.commitOffset(member, owned.topic, owned.partition, Math.max(0, at - (size % 3)));
              }
            }
          }
          if (group.members().length === 0) checked.join("w-1");
          checked.drain(7);
          checked.checkDeliveries(["orders", "payments", "refunds"]);
        },
      ),
      propertySettings(30),
    );
  });
});

describe("hidden: rebalance details", () => {
  test("a partition kept through several rebalances keeps its position, committed or not", () => {
    const log = logWith({ t: 1 });
    appendKeyless(log, "t", 10);
    const { checked, group } = (() => {
      const g = new ConsumerGroup(log, { topics: ["t"] });
      return { group: g, checked: new CheckedGroup(log, g) };
    })();
    checked.join("a");
    checked.poll("a", 100);
    checked.join("b");
    checked.join("c");
    checked.leave("b");
    expect(group.position("a", "t", 0)).toBe(10);
    expect(checked.poll("a", 100)).toEqual([]);
    expect(group.committed("t", 0)).toBeNull();
  });

  test("a rewound commit is where the next owner starts", () => {
    const log = logWith({ t: 1 });
    appendKeyless(log, "t", 10);
    const group = new ConsumerGroup(log, { topics: ["t"] });
    const checked = new CheckedGroup(log, group);
    checked.join("b");
    checked.poll("b", 100);
    checked.commitOffset("b", "t", 0, 10);
    checked.commitOffset("b", "t", 0, 3);
    checked.join("a"); // "a" sorts first: t-0 moves to a, from 3
    expect(group.position("a", "t", 0)).toBe(3);
    expect(checked.poll("a", 100)).toHaveLength(7);
  });

  test("a member that joins an empty group starts every partition at 0, and one with nothing polls nothing", () => {
    const log = logWith({ t: 2 });
    appendKeyless(log, "t", 4);
    const group = new ConsumerGroup(log, { topics: ["t"] });
    group.join("a");
    expect([group.position("a", "t", 0), group.position("a", "t", 1)]).toEqual([0, 0]);
    group.join("b");
    group.join("c"); // three members, two partitions: c has none
    expect(group.assignment("c")).toEqual([]);
    expect(group.poll("c", 10)).toEqual({ generation: 3, messages: [] });
  });

  test("generations count every join and leave, through an empty group and back", () => {
    const log = logWith({ t: 1 });
    const group = new ConsumerGroup(log, { topics: ["t"], strategy: "roundrobin" });
    expect(group.join("a")).toBe(1);
    expect(group.leave("a")).toBe(2);
    expect(group.generation).toBe(2);
    expect(group.join("a")).toBe(3);
    expect(group.assignment("a")).toEqual([{ topic: "t", partition: 0 }]);
  });

  test("assignment returns a copy: changing it changes nothing in the group", () => {
    const log = logWith({ t: 2 });
    const group = new ConsumerGroup(log, { topics: ["t"] });
    group.join("a");
    const mine = group.assignment("a");
    mine.pop();
    (mine[0] as { partition: number }).partition = 1;
    expect(group.assignment("a")).toEqual([
      { topic: "t", partition: 0 },
      { topic: "t", partition: 1 },
    ]);
  });
});

describe("hidden: commits and their refusals", () => {
  function twoMembers(): { group: ConsumerGroup; generation: number; log: PartitionedLog } {
    const log = logWith({ t: 2, other: 1 });
    appendKeyless(log, "t", 6);
    const group = new ConsumerGroup(log, { topics: ["t"] });
    group.join("a");
    const generation = group.join("b"); // a: t-0, b: t-1
    return { group, generation, log };
  }

  test("a commit from a generation that has not happened yet is refused", () => {
    const { group, generation } = twoMembers();
    const commit: OffsetCommit = { member: "a", generation: generation + 1, topic: "t", partition: 0, offset: 1 };
    expect(codeOf(PartitionedLogError, () => group.commit(commit))).toBe("STALE_GENERATION");
    expect(group.committed("t", 0)).toBeNull();
  });

  test("the refusals' messages name what was wrong", () => {
    const { group, generation } = twoMembers();
    const stale = messageOf(() => group.commit({ member: "a", generation: 1, topic: "t", partition: 0, offset: 1 }));
    expect(stale).toMatch(/\b1\b/);
    expect(stale).toMatch(/\b2\b/);
    const notOwner = messageOf(() => group.commit({ member: "a", generation, topic: "t", partition: 1, offset: 1 }));
    expect(notOwner).toContain("b");
    const beyond = messageOf(() => group.commit({ member: "a", generation, topic: "t", partition: 0, offset: 4 }));
    expect(beyond).toMatch(/\b3\b/);
    expect(messageOf(() => group.poll("z", 1))).toMatch(/a, b|a and b/);
    expect(messageOf(() => group.join("a"))).toContain("a");
  });

  test("a group refuses topics it does not read, and partitions the topic does not have", () => {
    const { group, generation } = twoMembers();
    expect(codeOf(PartitionedLogError, () => group.committed("other", 0))).toBe("UNKNOWN_TOPIC");
    expect(codeOf(PartitionedLogError, () => group.lag("other", 0))).toBe("UNKNOWN_TOPIC");
    expect(codeOf(PartitionedLogError, () => group.position("a", "other", 0))).toBe("UNKNOWN_TOPIC");
    const commit: OffsetCommit = { member: "a", generation, topic: "other", partition: 0, offset: 0 };
    expect(codeOf(PartitionedLogError, () => group.commit(commit))).toBe("UNKNOWN_TOPIC");
    expect(codeOf(PartitionedLogError, () => group.lag("t", 2))).toBe("PARTITION_OUT_OF_RANGE");
    expect(codeOf(PartitionedLogError, () => group.committed("t", -1))).toBe("PARTITION_OUT_OF_RANGE");
    expect(codeOf(PartitionedLogError, () => group.commit({ ...commit, topic: "t", partition: 5 }))).toBe(
      "PARTITION_OUT_OF_RANGE",
    );
    expect(codeOf(PartitionedLogError, () => group.position("a", "t", 1))).toBe("NOT_PARTITION_OWNER");
    expect(codeOf(PartitionedLogError, () => group.position("z", "t", 0))).toBe("UNKNOWN_MEMBER");
    expect(codeOf(PartitionedLogError, () => group.assignment("z"))).toBe("UNKNOWN_MEMBER");
  });

  test("a fractional offset, a non-string member id and a non-array topic list are refused", () => {
    const { group, generation, log } = twoMembers();
    const commit: OffsetCommit = { member: "a", generation, topic: "t", partition: 0, offset: 1.5 };
    expect(codeOf(PartitionedLogError, () => group.commit(commit))).toBe("INVALID_OFFSET");
    expect(codeOf(PartitionedLogError, () => group.join(42 as unknown as string))).toBe("INVALID_MEMBER_ID");
    expect(codeOf(PartitionedLogError, () => new ConsumerGroup(log, { topics: "t" as unknown as string[] }))).toBe(
      "INVALID_SUBSCRIPTION",
    );
    expect(group.members()).toEqual(["a", "b"]);
    expect(group.generation).toBe(generation);
  });
});

describe("hidden: every refusal names what it refused", () => {
  test.each([
    ["an empty topic name", () => new PartitionedLog().createTopic("", 1), [/non-empty string/i]],
    ["a taken topic name", () => logWith({ orders: 2 }).createTopic("orders", 3), ["orders", /\b2\b/]],
    ["a NaN partition count", () => new PartitionedLog().createTopic("x", Number.NaN), ["NaN"]],
    ["a topic on an empty log", () => new PartitionedLog().append("x", { value: "v" }), [/\bnone\b|\bno topics\b/i]],
    [
      "a record that is not one",
      () => logWith({ t: 1 }).append("t", undefined as unknown as { value: string }),
      ["undefined"],
    ],
    ["a number key", () => logWith({ t: 1 }).append("t", { key: 7 as unknown as string, value: "v" }), [/\b7\b/]],
    [
      "a negative commit",
      () => {
        const log = logWith({ t: 1 });
        const group = new ConsumerGroup(log, { topics: ["t"] });
        const generation = group.join("a");
        group.commit({ member: "a", generation, topic: "t", partition: 0, offset: -1 });
      },
      ["-1"],
    ],
    [
      "a zero poll",
      () => {
        const group = new ConsumerGroup(logWith({ t: 1 }), { topics: ["t"] });
        group.join("a");
        group.poll("a", 0);
      },
      [/positive integer/i],
    ],
    ["an empty topic list", () => new ConsumerGroup(logWith({ t: 1 }), { topics: [] }), [/topic/i]],
    ["a topic listed twice", () => new ConsumerGroup(logWith({ t: 1 }), { topics: ["t", "t"] }), [/\bt\b/]],
    [
      "an unknown strategy",
      () => new ConsumerGroup(logWith({ t: 1 }), { topics: ["t"], strategy: "sticky" as "range" }),
      ["sticky", "roundrobin"],
    ],
    [
      "a number member id",
      () => new ConsumerGroup(logWith({ t: 1 }), { topics: ["t"] }).join(42 as unknown as string),
      ["42"],
    ],
    [
      "a member of an empty group",
      () => new ConsumerGroup(logWith({ t: 1 }), { topics: ["t"] }).leave("a"),
      [/\bnone\b|\bno members\b|\bempty\b/i],
    ],
    [
      "a topic the group does not read",
      () => new ConsumerGroup(logWith({ t: 1, u: 1, v: 1 }), { topics: ["t", "v"] }).lag("u", 0),
      [/\bu\b/, /\bt\b/, /\bv\b/],
    ],
    [
      "a topic the log does not have",
      () => logWith({ orders: 1, payments: 1 }).fetch("refunds", 0, 0, 1),
      ["refunds", /\borders\b/, /\bpayments\b/],
    ],
    [
      "a partition of another member",
      () => {
        const group = new ConsumerGroup(logWith({ t: 3 }), { topics: ["t"] });
        group.join("a");
        const generation = group.join("b"); // a owns t-0 and t-1, b owns t-2
        group.commit({ member: "a", generation, topic: "t", partition: 2, offset: 0 });
      },
      [/\bb\b/, /\bt-0\b/, /\bt-1\b/],
    ],
    [
      "a member with no partitions",
      () => {
        const group = new ConsumerGroup(logWith({ t: 1 }), { topics: ["t"] });
        group.join("a");
        const generation = group.join("b"); // a owns t-0, b nothing
        group.commit({ member: "b", generation, topic: "t", partition: 0, offset: 0 });
      },
      [/\ba\b/, /\bnone\b|\bno partitions\b|\bnothing\b/i],
    ],
  ] as [string, () => unknown, (string | RegExp)[]][])("%s", (_, act, expected) => {
    const message = messageOf(act);
    expect(message).not.toContain("[object Object]");
    for (const part of expected) expect(message).toMatch(part);
  });

  test("an object where a record belongs is shown by its fields, not as [object Object]", () => {
    const message = messageOf(() => logWith({ t: 1 }).append("t", { value: 42 as unknown as string }));
    ensure(
      message.includes("42") && !message.includes("[object Object]"),
      `append("t", { value: 42 }) said ${JSON.stringify(message)}: show the record given as it is (JSON.stringify does; ` +
        "String(value) turns every object into [object Object])",
    );
  });
});
