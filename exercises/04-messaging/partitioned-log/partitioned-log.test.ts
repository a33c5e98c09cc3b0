import fc from "fast-check";
import { codeOf, ensure, messageOf as messageOfError, percent, propertySettings, sampleKeys } from "#kata/testing";
import { CheckedGroup, partitionName } from "./group-checker";
import { rangeAssignor, roundRobinAssignor, type TopicPartition } from "./src/assignors";
import { PartitionedLogError } from "./src/errors";
import { murmur2 } from "./src/murmur2";
import { ConsumerGroup, PartitionedLog, type AssignmentStrategy } from "./src/partitioned-log";
import { partitionForKey } from "./src/partitioner";

const KEYS = sampleKeys(3_000);

function logWith(topics: Record<string, number>): PartitionedLog {
  const log = new PartitionedLog();
  for (const [name, partitions] of Object.entries(topics)) log.createTopic(name, partitions);
  return log;
}

/** Appends `count` records with no key: round robin spreads them evenly. */
function appendKeyless(log: PartitionedLog, topic: string, count: number): void {
  for (let i = 0; i < count; i++) log.append(topic, { value: `${topic} #${i}` });
}

function checkedGroup(
  log: PartitionedLog,
  topics: string[],
  strategy: AssignmentStrategy = "range",
): { group: ConsumerGroup; checked: CheckedGroup } {
  const group = new ConsumerGroup(log, { topics, strategy });
  return { group, checked: new CheckedGroup(log, group) };
}

/** An assignment as names, for messages and comparisons: { "c-1": ["orders-0", "orders-1"], ... }. */
function named(assignment: Map<string, TopicPartition[]>): Record<string, string[]> {
  return Object.fromEntries(
    [...assignment].map(([member, owned]) => [member, owned.map((tp) => partitionName(tp.topic, tp.partition))]),
  );
}

const messageOf = (act: () => unknown): string => messageOfError(PartitionedLogError, act);

describe("partitionForKey: where a keyed record goes", () => {
  test("matches Kafka's Java client: murmur2 of the key, sign bit masked off, modulo the partition count", () => {
    // murmur2 values from Kafka's own tests; the partitions are what the Java producer picks for 10 partitions.
    const cases: [string, number][] = [
      ["21", 0],
      ["foobar", 6],
      ["abc", 7],
      ["a-little-bit-long-string", 2],
      ["user-42", 0],
      ["café", 4],
      ["東京", 3],
    ];
    for (const [key, expected] of cases) {
      const got = partitionForKey(key, 10);
      const h = murmur2(key);
      ensure(
        got === expected,
        `partitionForKey(${JSON.stringify(key)}, 10) gave ${got}; Kafka's producer puts it in partition ${expected}. ` +
          `murmur2 gives ${h}` +
          (h < 0 && got === Math.abs(h) % 10
            ? `, a negative number, and Math.abs(${h}) % 10 is ${got}. Kafka clears the sign bit instead, ((h & 0x7fffffff) % 10 = ${expected}): ` +
              "the two differ for every negative hash, and only the mask agrees with the Java client."
            : `, and (h & 0x7fffffff) % 10 is ${expected}.`),
      );
    }
  });

  test("is an integer from 0 to partitions - 1, and the same on every call", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.integer({ min: 1, max: 1_000 }), (key, partitions) => {
        const first = partitionForKey(key, partitions);
        ensure(
          Number.isInteger(first) && first >= 0 && first < partitions,
          `partitionForKey(${JSON.stringify(key)}, ${partitions}) gave ${first}, not a partition from 0 to ${partitions - 1}`,
        );
        ensure(
          partitionForKey(key, partitions) === first,
          `partitionForKey(${JSON.stringify(key)}, ${partitions}) gave ${first}, then another partition on the next call: ` +
            "a key must hash the same every time, or its records scatter and lose their order",
        );
      }),
      propertySettings(),
    );
  });

  test("adding partitions moves keys: from 4 to 6 partitions about two keys in three change partition", () => {
    // Not a mistake to catch: a fact to know. hash % 4 and hash % 6 agree only when hash % 12 < 4.
    const moved = KEYS.filter((key) => partitionForKey(key, 4) !== partitionForKey(key, 6)).length / KEYS.length;
    ensure(
      moved > 0.6 && moved < 0.73,
      `${percent(moved)} of keys changed partition when the count went from 4 to 6; hash mod count moves about 67%. ` +
        "Kafka does the same: a topic's partitions can be added, and from then on most keys go elsewhere, so per-key order " +
        "holds only among records written at the same count.",
    );
  });
});

describe("topics and appends", () => {
  test("createTopic makes a topic of that many partitions, each empty; topics() is sorted", () => {
    const log = logWith({ payments: 3, orders: 4 });
    expect(log.topics()).toEqual(["orders", "payments"]);
    expect(log.partitionCount("orders")).toBe(4);
    expect(log.partitionCount("payments")).toBe(3);
    for (let p = 0; p < 4; p++) expect(log.endOffset("orders", p)).toBe(0);
  });

  test("offsets are per partition: each partition numbers its own messages from 0, one by one", () => {
    const log = logWith({ orders: 4 });
    const first = [0, 1, 2, 3].map(() => log.append("orders", { value: "first" }));
    const next = new Map([0, 1, 2, 3].map((p) => [p, 1]));
    const keyed = KEYS.slice(0, 40).map((key) => log.append("orders", { key, value: key }));
    const offsets = [...first, ...keyed].map(
      (placed) => `${partitionName("orders", placed.partition)}@${placed.offset}`,
    );
    ensure(
      first.every((placed) => placed.offset === 0),
      `the first message of each of the 4 partitions got offsets ${first.map((p) => p.offset).join(", ")}: offsets are per ` +
        "partition, so every partition's first message has offset 0. A counter shared by the whole topic numbers the " +
        `messages of all partitions in one sequence. Offsets given: ${offsets.join(" ")}`,
    );
    for (const placed of keyed) {
      const expected = next.get(placed.partition) as number;
      ensure(
        placed.offset === expected,
        `a message appended to orders-${placed.partition} got offset ${placed.offset}, but that partition held ${expected} ` +
          `messages, so its next offset is ${expected}: offsets are per partition, counting up by one in each. Offsets given: ${offsets.join(" ")}`,
      );
      next.set(placed.partition, expected + 1);
    }
    for (const [p, count] of next) expect(log.endOffset("orders", p)).toBe(count);
  });

  test("every record of a key lands in the key's partition, in the order it was appended", () => {
    const log = logWith({ orders: 6 });
    const keys = KEYS.slice(0, 30);
    for (let round = 0; round < 5; round++) {
      for (const key of keys) {
        const placed = log.append("orders", { key, value: `${key} v${round}` });
        ensure(
          placed.partition === partitionForKey(key, 6),
          `${key}'s record went to partition ${placed.partition}; every record of a key goes to partitionForKey(key, 6) = ` +
            `${partitionForKey(key, 6)}, so that its records stay in one partition, in order`,
        );
      }
    }
    for (let p = 0; p < 6; p++) {
      const values = log.fetch("orders", p, 0, 1_000).map((m) => m.value);
      for (const key of keys.filter((k) => partitionForKey(k, 6) === p)) {
        expect(values.filter((v) => v.startsWith(`${key} `))).toEqual([0, 1, 2, 3, 4].map((r) => `${key} v${r}`));
      }
    }
  });

  test("records with no key go round robin: the n-th to partition n mod count, whatever keyed records come between", () => {
    const log = logWith({ clicks: 4 });
    const got: number[] = [];
    for (let i = 0; i < 10; i++) {
      got.push(log.append("clicks", { value: `click ${i}` }).partition);
      log.append("clicks", { key: KEYS[i] as string, value: "keyed" });
      if (i % 3 === 0) log.append("clicks", { value: "pinned", partition: 2 });
    }
    ensure(
      got.join() === "0,1,2,3,0,1,2,3,0,1",
      `10 keyless records, with keyed and pinned records between them, went to partitions ${got.join(", ")}; round robin ` +
        "sends the topic's n-th keyless record to partition n mod 4 (0, 1, 2, 3, 0, 1, ...): only keyless records without " +
        "a partition advance the count",
    );
  });

  test('the empty string is a key: records keyed "" go to partitionForKey("", count) every time, not round robin', () => {
    const log = logWith({ events: 6 });
    const home = partitionForKey("", 6); // 3
    const got: number[] = [];
    for (let i = 0; i < 4; i++) {
      log.append("events", { value: `keyless ${i}` });
      got.push(log.append("events", { key: "", value: `empty-keyed ${i}` }).partition);
    }
    ensure(
      got.every((p) => p === home),
      `records keyed "" went to partitions ${got.join(", ")}; the empty string is a key like any other (Kafka hashes its ` +
        `zero bytes), so they all go to partitionForKey("", 6) = ${home}. Only a missing or null key means "no key": ` +
        'a check like `if (record.key)` treats "" as no key.',
    );
    const stored = log.fetch("events", home, 0, 100).filter((m) => m.value.startsWith("empty-keyed"));
    expect(stored.map((m) => m.key)).toEqual(["", "", "", ""]);
  });

  test("append says where the record landed, and fetch returns it as it was sent", () => {
    const log = logWith({ orders: 3 });
    const placed = log.append("orders", { key: "user-42", value: "created" });
    expect(placed).toEqual({ topic: "orders", partition: partitionForKey("user-42", 3), offset: 0 });
    const pinned = log.append("orders", { value: "audit", partition: 2, key: null });
    expect(pinned.partition).toBe(2);
    const [stored] = log.fetch("orders", placed.partition, placed.offset, 1);
    expect(stored).toEqual({
      topic: "orders",
      partition: placed.partition,
      offset: 0,
      key: "user-42",
      value: "created",
    });
    const [audit] = log.fetch("orders", 2, pinned.offset, 1);
    expect(audit).toMatchObject({ key: null, value: "audit" });
  });

  test("topics are independent: one topic's appends move neither another's offsets nor its round robin", () => {
    const log = logWith({ a: 2, b: 2 });
    appendKeyless(log, "a", 3);
    expect(log.append("b", { value: "first of b" })).toEqual({ topic: "b", partition: 0, offset: 0 });
    expect(log.append("a", { value: "fourth of a" })).toEqual({ topic: "a", partition: 1, offset: 1 });
  });
});

describe("fetch", () => {
  test("returns up to maxMessages from the offset, in offset order; from the end offset, nothing yet", () => {
    const log = logWith({ orders: 1 });
    appendKeyless(log, "orders", 10);
    const offsets = (from: number, max: number): number[] => log.fetch("orders", 0, from, max).map((m) => m.offset);
    expect(offsets(0, 4)).toEqual([0, 1, 2, 3]);
    expect(offsets(4, 4)).toEqual([4, 5, 6, 7]);
    expect(offsets(8, 4)).toEqual([8, 9]);
    ensure(
      offsets(10, 4).length === 0,
      "fetch from the end offset (10, the offset the next message will get) must return an empty array: it is where a " +
        "consumer that has read everything waits, not an error",
    );
    expect(offsets(3, 1)).toEqual([3]);
    expect(offsets(0, 4)).toEqual([0, 1, 2, 3]); // reading changes nothing
  });
});

describe("assignors", () => {
  const orders7 = [{ topic: "orders", partitions: 7 }];

  test("range: 7 partitions over 3 members are [0, 1, 2], [3, 4], [5, 6]: the first members get the extra ones", () => {
    const got = named(rangeAssignor(["c-1", "c-2", "c-3"], orders7));
    const expected = {
      "c-1": ["orders-0", "orders-1", "orders-2"],
      "c-2": ["orders-3", "orders-4"],
      "c-3": ["orders-5", "orders-6"],
    };
    ensure(
      JSON.stringify(got) === JSON.stringify(expected),
      `range gave ${JSON.stringify(got)} for 7 partitions and 3 members; Kafka's RangeAssignor gives ${JSON.stringify(expected)}: ` +
        "7 / 3 = 2 each, and 7 % 3 = 1 extra, which goes to the first members get the extra partitions: in member order, " +
        "member i takes floor(P/M) + (i < P % M ? 1 : 0), as one contiguous range",
    );
  });

  test("range for any counts: contiguous ranges in member order, sizes floor(P/M) or one more, the first members get the extra", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 8 }), (partitions, count) => {
        const members = Array.from({ length: count }, (_, i) => `m${i}`);
        const got = rangeAssignor(members, [{ topic: "t", partitions }]);
        let next = 0;
        members.forEach((member, i) => {
          const size = Math.floor(partitions / count) + (i < partitions % count ? 1 : 0);
          const expected = Array.from({ length: size }, () => next++);
          const owned = (got.get(member) ?? []).map((tp) => tp.partition);
          ensure(
            JSON.stringify(owned) === JSON.stringify(expected),
            `range over ${partitions} partitions and ${count} members gave ${member} [${owned.join(", ")}], expected ` +
              `[${expected.join(", ")}]: the first ${partitions % count} members get the extra partition, each member a contiguous range`,
          );
        });
      }),
      propertySettings(),
    );
  });

  test("range splits each topic on its own, so the first members get the extra partition of every topic", () => {
    const got = named(
      rangeAssignor(
        ["c-2", "c-1"],
        [
          { topic: "payments", partitions: 3 },
          { topic: "orders", partitions: 3 },
        ],
      ),
    );
    expect(got).toEqual({
      "c-1": ["orders-0", "orders-1", "payments-0", "payments-1"],
      "c-2": ["orders-2", "payments-2"],
    });
  });

  test("round robin: 7 partitions over 3 members are [0, 3, 6], [1, 4], [2, 5]; across topics, sorted by name, dealt like cards", () => {
    expect(named(roundRobinAssignor(["c-1", "c-2", "c-3"], orders7))).toEqual({
      "c-1": ["orders-0", "orders-3", "orders-6"],
      "c-2": ["orders-1", "orders-4"],
      "c-3": ["orders-2", "orders-5"],
    });
    const twoTopics = [
      { topic: "payments", partitions: 3 },
      { topic: "orders", partitions: 3 },
    ];
    expect(named(roundRobinAssignor(["c-1", "c-2"], twoTopics))).toEqual({
      "c-1": ["orders-0", "orders-2", "payments-1"],
      "c-2": ["orders-1", "payments-0", "payments-2"],
    });
  });

  test('members are sorted by id as strings, whatever order they come in: "c-10" before "c-2"', () => {
    const members = ["c-9", "c-2", "c-10"];
    const topics = [{ topic: "orders", partitions: 3 }];
    for (const [name, assignor] of [
      ["range", rangeAssignor],
      ["round robin", roundRobinAssignor],
    ] as const) {
      const got = named(assignor(members, topics));
      ensure(
        got["c-10"]?.[0] === "orders-0" && got["c-2"]?.[0] === "orders-1" && got["c-9"]?.[0] === "orders-2",
        `${name} over ${JSON.stringify(members)} gave ${JSON.stringify(got)}: the members are sorted by id, compared as ` +
          'strings ("c-10" < "c-2" < "c-9", as Java\'s String.compareTo orders them), before any partition is dealt. ' +
          "Not in the order given or joined, and not by the number in the id.",
      );
    }
  });

  test("more members than partitions: the extra members get nothing, and are still in the result", () => {
    const members = ["a", "b", "c", "d"];
    for (const assignor of [rangeAssignor, roundRobinAssignor]) {
      const got = named(assignor(members, [{ topic: "t", partitions: 2 }]));
      expect(got).toEqual({ a: ["t-0"], b: ["t-1"], c: [], d: [] });
    }
  });
});

describe("consumer groups", () => {
  test("every join and leave is a rebalance: one more generation, and the partitions shared by the strategy", () => {
    const log = logWith({ orders: 5, payments: 2 });
    const group = new ConsumerGroup(log, { topics: ["orders", "payments"], strategy: "roundrobin" });
    expect(group.generation).toBe(0);
    expect(group.join("c-3")).toBe(1);
    expect(group.join("c-1")).toBe(2);
    expect(group.join("c-2")).toBe(3);
    expect(group.members()).toEqual(["c-1", "c-2", "c-3"]);
    const topics = [
      { topic: "orders", partitions: 5 },
      { topic: "payments", partitions: 2 },
    ];
    const expected = roundRobinAssignor(["c-1", "c-2", "c-3"], topics);
    for (const member of group.members()) expect(group.assignment(member)).toEqual(expected.get(member));
    expect(group.leave("c-1")).toBe(4);
    expect(group.members()).toEqual(["c-2", "c-3"]);
    const after = roundRobinAssignor(["c-2", "c-3"], topics);
    for (const member of group.members()) expect(group.assignment(member)).toEqual(after.get(member));
  });

  test("poll returns min(maxMessages, messages waiting) from the member's own partitions, each in offset order", () => {
    const log = logWith({ orders: 4 });
    const { checked } = checkedGroup(log, ["orders"]);
    checked.join("c-1");
    checked.join("c-2"); // c-1: orders-0, orders-1; c-2: orders-2, orders-3
    for (const key of KEYS.slice(0, 200)) log.append("orders", { key, value: key });
    for (const max of [1, 7, 30, 500]) checked.poll("c-1", max);
    while (checked.poll("c-2", 13).length > 0);
    expect(checked.poll("c-1", 500)).toEqual([]);
  });

  test("commit records the next offset to read; committed is null until the first commit", () => {
    const log = logWith({ orders: 2 });
    appendKeyless(log, "orders", 10);
    const group = new ConsumerGroup(log, { topics: ["orders"] });
    group.join("c-1");
    expect(group.committed("orders", 0)).toBeNull();
    const { generation, messages } = group.poll("c-1", 3);
    const last = messages.filter((m) => m.partition === 0).pop();
    group.commit({ member: "c-1", generation, topic: "orders", partition: 0, offset: (last?.offset ?? -1) + 1 });
    expect(group.committed("orders", 0)).toBe((last?.offset ?? -1) + 1);
    expect(group.committed("orders", 1)).toBeNull();
  });

  test("lag is the end offset minus the committed offset: polling does not change it, committing does", () => {
    const log = logWith({ orders: 2 });
    appendKeyless(log, "orders", 10);
    const { group, checked } = checkedGroup(log, ["orders"]);
    checked.join("c-1");
    expect([group.lag("orders", 0), group.lag("orders", 1)]).toEqual([5, 5]);
    checked.poll("c-1", 100);
    const lags = [group.lag("orders", 0), group.lag("orders", 1)];
    ensure(
      lags[0] === 5 && lags[1] === 5,
      `after c-1 fetched all 10 messages and committed none, lag is ${lags.join(" and ")}; it must still be 5 and 5. Lag is ` +
        "measured from the committed offset, not the fetched position: fetched is not processed, and if c-1 crashed now, " +
        "all 10 would be read again by the next owner.",
    );
    checked.commit("c-1", ["orders-0"]);
    expect([group.lag("orders", 0), group.lag("orders", 1)]).toEqual([0, 5]);
    appendKeyless(log, "orders", 2);
    expect([group.lag("orders", 0), group.lag("orders", 1)]).toEqual([1, 6]);
  });

  test("two groups reading one topic each keep their own positions, commits and lag", () => {
    const log = logWith({ orders: 1 });
    appendKeyless(log, "orders", 6);
    const billing = checkedGroup(log, ["orders"]);
    const audit = checkedGroup(log, ["orders"]);
    billing.checked.join("c-1");
    audit.checked.join("c-1");
    billing.checked.poll("c-1", 4);
    billing.checked.commit("c-1");
    expect(audit.checked.poll("c-1", 100)).toHaveLength(6);
    expect(billing.group.committed("orders", 0)).toBe(4);
    expect(audit.group.committed("orders", 0)).toBeNull();
    expect(audit.group.lag("orders", 0)).toBe(6);
  });
});

describe("rebalances: no message skipped, and only uncommitted ones read twice", () => {
  test("a partition that moves starts at the committed offset; one that stays keeps its position", () => {
    const log = logWith({ orders: 4 });
    appendKeyless(log, "orders", 40); // 10 in each partition
    const { group, checked } = checkedGroup(log, ["orders"]);
    checked.join("c-1");
    expect(checked.poll("c-1", 100)).toHaveLength(40);
    checked.commitOffset("c-1", "orders", 0, 10);
    checked.commitOffset("c-1", "orders", 1, 4); // c-1 keeps orders-1: its position stays 10
    checked.commitOffset("c-1", "orders", 3, 6); // orders-3 moves: c-2 re-reads 6..9
    // orders-2 moves with nothing committed: c-2 reads it all again, from 0
    checked.join("c-2");
    expect(checked.partitionsOf("c-2")).toEqual(["orders-2", "orders-3"]);
    expect(checked.poll("c-1", 100)).toHaveLength(0);
    expect(checked.poll("c-2", 100)).toHaveLength(14);
    checked.drain();
    checked.checkDeliveries(["orders"]);
    expect(checked.duplicates).toBe(14);
    expect(group.committed("orders", 1)).toBe(10);
  });

  test("a partition that comes back to a member starts at the committed offset, not where that member left off", () => {
    const log = logWith({ audit: 1 });
    appendKeyless(log, "audit", 10);
    const { checked } = checkedGroup(log, ["audit"]);
    checked.join("c-2");
    checked.poll("c-2", 100); // c-2 stands at 10
    checked.commitOffset("c-2", "audit", 0, 4);
    checked.join("c-1"); // "c-1" sorts first: audit-0 moves to c-1, from 4
    expect(checked.poll("c-1", 100)).toHaveLength(6);
    checked.commit("c-1");
    appendKeyless(log, "audit", 5);
    checked.poll("c-1", 100);
    checked.commit("c-1"); // committed 15
    checked.leave("c-1"); // audit-0 comes back to c-2: from 15, not from 10
    checked.poll("c-2", 100);
    checked.drain();
    checked.checkDeliveries(["audit"]);
  });

  test("a group whose members all left starts again from its committed offsets", () => {
    const log = logWith({ orders: 2 });
    appendKeyless(log, "orders", 8);
    const { group, checked } = checkedGroup(log, ["orders"]);
    checked.join("c-1");
    checked.poll("c-1", 100);
    checked.commitOffset("c-1", "orders", 0, 3);
    checked.commitOffset("c-1", "orders", 1, 4);
    checked.leave("c-1");
    expect(group.members()).toEqual([]);
    expect([group.committed("orders", 0), group.committed("orders", 1)]).toEqual([3, 4]);
    appendKeyless(log, "orders", 2);
    checked.join("c-7");
    expect(checked.poll("c-7", 100)).toHaveLength(3); // orders-0 from 3: 3 and the new 4; orders-1 from 4: the new 4
    checked.checkDeliveries(["orders"]);
  });

  test.each(["range", "roundrobin"] as const)(
    "%s: random joins, leaves, polls and commits never skip a message, and re-read only uncommitted ones",
    (strategy) => {
      type Step =
        | { kind: "append"; count: number }
        | { kind: "poll"; who: number; max: number }
        | { kind: "commit"; who: number; some: boolean }
        | { kind: "join"; id: number }
        | { kind: "leave"; who: number };
      const step: fc.Arbitrary<Step> = fc.oneof(
        fc.record({ kind: fc.constant("append" as const), count: fc.integer({ min: 1, max: 30 }) }),
        fc.record({ kind: fc.constant("poll" as const), who: fc.nat(), max: fc.integer({ min: 1, max: 25 }) }),
        fc.record({ kind: fc.constant("commit" as const), who: fc.nat(), some: fc.boolean() }),
        fc.record({ kind: fc.constant("join" as const), id: fc.integer({ min: 1, max: 12 }) }),
        fc.record({ kind: fc.constant("leave" as const), who: fc.nat() }),
      );
      fc.assert(
        fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
          const log = logWith({ orders: 5, payments: 3 });
          const { group, checked } = checkedGroup(log, ["orders", "payments"], strategy);
          checked.join("c-1");
          let appended = 0;
          for (const s of steps) {
            const members = group.members();
            const member = members.length === 0 ? undefined : members[("who" in s ? s.who : 0) % members.length];
            if (s.kind === "append") {
              for (let i = 0; i < s.count; i++, appended++) {
                const key = KEYS[appended % KEYS.length] as string;
                log.append(appended % 4 === 0 ? "payments" : "orders", { key, value: `#${appended}` });
              }
            } else if (s.kind === "join") {
              if (!members.includes(`c-${s.id}`)) checked.join(`c-${s.id}`);
            } else if (member !== undefined) {
              if (s.kind === "poll") checked.poll(member, s.max);
              if (s.kind === "commit") {
                checked.commit(member, s.some ? checked.partitionsOf(member).filter((_, i) => i % 2 === 0) : undefined);
              }
              if (s.kind === "leave") checked.leave(member);
            }
          }
          if (group.members().length === 0) checked.join("c-1");
          checked.drain();
          checked.checkDeliveries(["orders", "payments"]);
        }),
        propertySettings(40),
      );
    },
  );
});

describe("commits that could undo another member's work are refused", () => {
  /** c-2 reads audit-0 in generation 1; c-1 joins (generation 2) and takes it. */
  function handedOver(): { log: PartitionedLog; group: ConsumerGroup; checked: CheckedGroup } {
    const log = logWith({ audit: 1 });
    appendKeyless(log, "audit", 10);
    const { group, checked } = checkedGroup(log, ["audit"]);
    checked.join("c-2");
    checked.poll("c-2", 100);
    checked.join("c-1");
    return { log, group, checked };
  }

  test("a commit made before a rebalance is refused with STALE_GENERATION, and changes nothing", () => {
    const { group } = handedOver();
    const commit = { member: "c-2", generation: 1, topic: "audit", partition: 0, offset: 10 };
    let code: string;
    try {
      group.commit(commit);
      code = "no error";
    } catch (error) {
      if (!(error instanceof PartitionedLogError)) throw error;
      code = error.code;
    }
    ensure(
      code === "STALE_GENERATION",
      `c-2's commit from generation 1, after the group moved to generation 2, got ${code}; it must get STALE_GENERATION ` +
        "(Kafka's ILLEGAL_GENERATION): a commit from an older generation must be refused as stale first, whoever owns the " +
        "partition now",
    );
    expect(group.committed("audit", 0)).toBeNull();
  });

  test("a delayed commit from an older generation is refused even when its member owns the partition again", () => {
    const { log, group, checked } = handedOver();
    const delayed = { member: "c-2", generation: 1, topic: "audit", partition: 0, offset: 10 };
    checked.poll("c-1", 100); // c-1 reads 0..9 again: c-2 never committed them
    appendKeyless(log, "audit", 10);
    checked.poll("c-1", 100);
    checked.commit("c-1"); // 20, in generation 2
    checked.leave("c-1"); // generation 3: audit-0 is c-2's again
    let accepted = true;
    try {
      group.commit(delayed);
    } catch (error) {
      if (!(error instanceof PartitionedLogError)) throw error;
      accepted = false;
      expect(error.code).toBe("STALE_GENERATION");
    }
    ensure(
      !accepted && group.committed("audit", 0) === 20,
      `c-2's commit of offset 10, made in generation 1 and arriving in generation 3, was accepted: the committed offset of ` +
        `audit-0 is now ${group.committed("audit", 0)}, not the 20 c-1 committed in generation 2, and 10..19 would be read ` +
        "again. c-2 owns audit-0 again, but a commit from an older generation must be refused: ownership now says nothing " +
        "about what happened in between. Accept only commits that carry the current generation.",
    );
  });

  test("a commit for a partition another member owns is refused with NOT_PARTITION_OWNER", () => {
    const log = logWith({ orders: 2 });
    appendKeyless(log, "orders", 4);
    const group = new ConsumerGroup(log, { topics: ["orders"] });
    group.join("c-1");
    const generation = group.join("c-2"); // c-1: orders-0, c-2: orders-1
    const commit = { member: "c-1", generation, topic: "orders", partition: 1, offset: 2 };
    expect(codeOf(PartitionedLogError, () => group.commit(commit))).toBe("NOT_PARTITION_OWNER");
    expect(group.committed("orders", 1)).toBeNull();
  });

  test("a commit at the end offset is accepted, past it refused with COMMIT_BEYOND_END; moving back is allowed", () => {
    const log = logWith({ orders: 1 });
    appendKeyless(log, "orders", 5);
    const group = new ConsumerGroup(log, { topics: ["orders"] });
    const generation = group.join("c-1");
    const at = (offset: number) => ({ member: "c-1", generation, topic: "orders", partition: 0, offset });
    group.commit(at(5));
    expect(group.committed("orders", 0)).toBe(5);
    expect(codeOf(PartitionedLogError, () => group.commit(at(6)))).toBe("COMMIT_BEYOND_END");
    expect(group.committed("orders", 0)).toBe(5);
    group.commit(at(2)); // a group may rewind, to read again
    expect(group.committed("orders", 0)).toBe(2);
    expect(group.lag("orders", 0)).toBe(3);
  });

  test("a member that left can neither poll nor commit: UNKNOWN_MEMBER", () => {
    const log = logWith({ orders: 1 });
    const group = new ConsumerGroup(log, { topics: ["orders"] });
    group.join("c-1");
    const generation = group.join("c-2");
    group.leave("c-1");
    expect(codeOf(PartitionedLogError, () => group.poll("c-1", 10))).toBe("UNKNOWN_MEMBER");
    const commit = { member: "c-1", generation, topic: "orders", partition: 0, offset: 0 };
    expect(codeOf(PartitionedLogError, () => group.commit(commit))).toBe("UNKNOWN_MEMBER");
  });
});

describe("bad input gets a PartitionedLogError with a code", () => {
  test.each([0, -1, 2.5, Number.NaN])("a partition count of %p is refused with INVALID_PARTITION_COUNT", (count) => {
    expect(codeOf(PartitionedLogError, () => new PartitionedLog().createTopic("orders", count))).toBe(
      "INVALID_PARTITION_COUNT",
    );
  });

  test("topic names: empty is INVALID_TOPIC_NAME, taken is TOPIC_EXISTS, missing is UNKNOWN_TOPIC", () => {
    const log = logWith({ orders: 2 });
    expect(codeOf(PartitionedLogError, () => log.createTopic("", 1))).toBe("INVALID_TOPIC_NAME");
    expect(codeOf(PartitionedLogError, () => log.createTopic("orders", 3))).toBe("TOPIC_EXISTS");
    expect(log.partitionCount("orders")).toBe(2);
    for (const act of [
      () => log.append("order", { value: "x" }),
      () => log.fetch("order", 0, 0, 1),
      () => log.endOffset("order", 0),
      () => log.partitionCount("order"),
    ]) {
      expect(codeOf(PartitionedLogError, act)).toBe("UNKNOWN_TOPIC");
    }
    const message = messageOf(() => log.append("order", { value: "x" }));
    expect(message).toContain("order");
    expect(message).toContain("orders");
  });

  test("a partition outside 0 .. count - 1 is PARTITION_OUT_OF_RANGE, and the message says how many there are", () => {
    const log = logWith({ orders: 4 });
    for (const partition of [4, -1, 1.5]) {
      expect(codeOf(PartitionedLogError, () => log.fetch("orders", partition, 0, 1))).toBe("PARTITION_OUT_OF_RANGE");
    }
    expect(codeOf(PartitionedLogError, () => log.append("orders", { value: "x", partition: 4 }))).toBe(
      "PARTITION_OUT_OF_RANGE",
    );
    expect(log.endOffset("orders", 3)).toBe(0);
    expect(messageOf(() => log.endOffset("orders", 4))).toMatch(/\b4\b[^]*\b(0 to 3|4 partitions)\b/);
  });

  test("offsets: negative is INVALID_OFFSET, past the end offset is OFFSET_OUT_OF_RANGE", () => {
    const log = logWith({ orders: 1 });
    appendKeyless(log, "orders", 3);
    expect(codeOf(PartitionedLogError, () => log.fetch("orders", 0, -1, 1))).toBe("INVALID_OFFSET");
    expect(codeOf(PartitionedLogError, () => log.fetch("orders", 0, 4, 1))).toBe("OFFSET_OUT_OF_RANGE");
    const group = new ConsumerGroup(log, { topics: ["orders"] });
    const generation = group.join("c-1");
    const commit = { member: "c-1", generation, topic: "orders", partition: 0, offset: -1 };
    expect(codeOf(PartitionedLogError, () => group.commit(commit))).toBe("INVALID_OFFSET");
  });

  test("maxMessages must be a positive integer: INVALID_MAX_MESSAGES", () => {
    const log = logWith({ orders: 1 });
    const group = new ConsumerGroup(log, { topics: ["orders"] });
    group.join("c-1");
    expect(codeOf(PartitionedLogError, () => log.fetch("orders", 0, 0, 0))).toBe("INVALID_MAX_MESSAGES");
    expect(codeOf(PartitionedLogError, () => group.poll("c-1", 0))).toBe("INVALID_MAX_MESSAGES");
  });

  test("a record needs a string value, and a key that is a string or null: INVALID_MESSAGE, nothing stored", () => {
    const log = logWith({ orders: 1 });
    expect(codeOf(PartitionedLogError, () => log.append("orders", { value: 42 as unknown as string }))).toBe(
      "INVALID_MESSAGE",
    );
    expect(codeOf(PartitionedLogError, () => log.append("orders", { key: 7 as unknown as string, value: "x" }))).toBe(
      "INVALID_MESSAGE",
    );
    expect(log.endOffset("orders", 0)).toBe(0);
  });

  test("groups: INVALID_SUBSCRIPTION, INVALID_STRATEGY, UNKNOWN_TOPIC, INVALID_MEMBER_ID, MEMBER_EXISTS, UNKNOWN_MEMBER", () => {
    const log = logWith({ orders: 2 });
    const make = (topics: string[], strategy?: string) => () =>
      new ConsumerGroup(log, { topics, strategy: strategy as AssignmentStrategy });
    expect(codeOf(PartitionedLogError, make([]))).toBe("INVALID_SUBSCRIPTION");
    expect(codeOf(PartitionedLogError, make(["orders", "orders"]))).toBe("INVALID_SUBSCRIPTION");
    expect(codeOf(PartitionedLogError, make(["orders"], "sticky"))).toBe("INVALID_STRATEGY");
    expect(codeOf(PartitionedLogError, make(["ordres"]))).toBe("UNKNOWN_TOPIC");
    const group = new ConsumerGroup(log, { topics: ["orders"] });
    expect(codeOf(PartitionedLogError, () => group.join(""))).toBe("INVALID_MEMBER_ID");
    group.join("c-1");
    expect(codeOf(PartitionedLogError, () => group.join("c-1"))).toBe("MEMBER_EXISTS");
    expect(codeOf(PartitionedLogError, () => group.leave("c-9"))).toBe("UNKNOWN_MEMBER");
    expect(group.generation).toBe(1);
    expect(messageOf(() => group.leave("c-9"))).toContain("c-1");
  });
});
