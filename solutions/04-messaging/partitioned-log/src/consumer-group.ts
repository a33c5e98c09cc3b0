import { rangeAssignor, roundRobinAssignor, type Assignor, type TopicPartition } from "./assignors";
import { PartitionedLogError } from "./errors";
import { partitionKey, positionsAfterRebalance, type Positions } from "./handover";
import type { Message, PartitionedLog } from "./partitioned-log";
import { isWholeNumber, show } from "./show";

/** How a group shares its topics' partitions among its members (Kafka's protocol names). */
export type AssignmentStrategy = "range" | "roundrobin";

export interface ConsumerGroupOptions {
  /** The topics the group reads; every member reads the same ones. */
  topics: readonly string[];
  /** "range" unless given. */
  strategy?: AssignmentStrategy;
}

/** What a poll returns: the messages, and the generation they were fetched in. */
export interface PollResult {
  generation: number;
  messages: Message[];
}

/** A member's report that it has processed a partition up to, not including, `offset`. */
export interface OffsetCommit {
  member: string;
  /** The generation the member's assignment came from: the one its poll returned. */
  generation: number;
  topic: string;
  partition: number;
  /** The next offset to read: the last processed message's offset + 1. */
  offset: number;
}

const ASSIGNORS: Record<AssignmentStrategy, Assignor> = { range: rangeAssignor, roundrobin: roundRobinAssignor };

/**
 * A consumer group: members share the partitions of its topics, one owner per partition, and the
 * group keeps one committed offset per partition. Every join and every leave is a rebalance: the
 * generation goes up by one and the partitions are assigned afresh by the strategy.
 */
export class ConsumerGroup {
  readonly topics: readonly string[];
  readonly strategy: AssignmentStrategy;
  private readonly log: PartitionedLog;
  private current = 0;
  private readonly joined = new Set<string>();
  private assignments = new Map<string, TopicPartition[]>();
  private positions: Positions = new Map();
  private readonly commits = new Map<string, number>();

  constructor(log: PartitionedLog, options: ConsumerGroupOptions) {
    const topics: unknown = options.topics;
    if (!Array.isArray(topics) || topics.length === 0) {
      throw new PartitionedLogError(
        "INVALID_SUBSCRIPTION",
        `a group reads a non-empty list of topics, got ${show(topics)}; e.g. { topics: ["orders"] }`,
      );
    }
    const repeated = topics.find((topic, i) => topics.indexOf(topic) !== i) as unknown;
    if (repeated !== undefined) {
      throw new PartitionedLogError(
        "INVALID_SUBSCRIPTION",
        `the group's topics name ${show(repeated)} twice (${show(topics)}); list each topic once`,
      );
    }
    for (const topic of topics as string[]) log.partitionCount(topic); // UNKNOWN_TOPIC if the log has none
    const strategy = options.strategy ?? "range";
    if (!Object.hasOwn(ASSIGNORS, strategy)) {
      throw new PartitionedLogError(
        "INVALID_STRATEGY",
        `there is no assignment strategy ${show(strategy)}; use "range" or "roundrobin"`,
      );
    }
    this.log = log;
    this.topics = [...(topics as string[])];
    this.strategy = strategy;
  }

  /** 0 until the first join; one more on every join and every leave. */
  get generation(): number {
    return this.current;
  }

  /** The members, sorted by id. */
  members(): string[] {
    return [...this.joined].sort();
  }

  join(member: string): number {
    if (typeof member !== "string" || member === "") {
      throw new PartitionedLogError("INVALID_MEMBER_ID", `a member id must be a non-empty string, got ${show(member)}`);
    }
    if (this.joined.has(member)) {
      throw new PartitionedLogError(
        "MEMBER_EXISTS",
        `${show(member)} is already in the group (generation ${this.current}); leave first to rejoin`,
      );
    }
    this.joined.add(member);
    return this.rebalance();
  }

  leave(member: string): number {
    this.memberOf(member);
    this.joined.delete(member);
    return this.rebalance();
  }

  /** The member's partitions in the current generation, sorted by topic, then partition. */
  assignment(member: string): TopicPartition[] {
    return this.ownedBy(member).map(({ topic, partition }) => ({ topic, partition }));
  }

  poll(member: string, maxMessages: number): PollResult {
    const owned = this.ownedBy(member);
    if (!isWholeNumber(maxMessages) || maxMessages < 1) {
      throw new PartitionedLogError(
        "INVALID_MAX_MESSAGES",
        `maxMessages must be a positive integer, got ${show(maxMessages)}`,
      );
    }
    const positions = this.positions.get(member) as Map<string, number>;
    const messages: Message[] = [];
    for (const { topic, partition } of owned) {
      if (messages.length === maxMessages) break;
      const key = partitionKey(topic, partition);
      const from = positions.get(key) as number;
      if (from === this.log.endOffset(topic, partition)) continue;
      const batch = this.log.fetch(topic, partition, from, maxMessages - messages.length);
      for (const message of batch) messages.push(message);
      positions.set(key, from + batch.length);
    }
    return { generation: this.current, messages };
  }

  /** The next offset the member will fetch from the partition. */
  position(member: string, topic: string, partition: number): number {
    this.memberOf(member);
    this.checkPartition(topic, partition);
    const at = this.positions.get(member)?.get(partitionKey(topic, partition));
    if (at === undefined) throw this.notOwner(member, topic, partition);
    return at;
  }

  commit(commit: OffsetCommit): void {
    const { member, generation, topic, partition, offset } = commit;
    this.checkPartition(topic, partition);
    if (!isWholeNumber(offset) || offset < 0) {
      throw new PartitionedLogError(
        "INVALID_OFFSET",
        `offsets are integers from 0, got ${show(offset)} in ${show(member)}'s commit for ${topic}-${partition}; commit the next offset to read (the last processed offset + 1)`,
      );
    }
    this.memberOf(member);
    if (generation !== this.current) {
      throw new PartitionedLogError(
        "STALE_GENERATION",
        `${member}'s commit for ${topic}-${partition} was made in generation ${show(generation)}, but the group is in generation ${this.current}: only a commit of the current generation is sure to come from the partition's owner. Poll again and commit with the generation that poll returns`,
      );
    }
    const key = partitionKey(topic, partition);
    if (this.positions.get(member)?.get(key) === undefined) throw this.notOwner(member, topic, partition);
    const end = this.log.endOffset(topic, partition);
    if (offset > end) {
      throw new PartitionedLogError(
        "COMMIT_BEYOND_END",
        `${member} committed offset ${offset} for ${topic}-${partition}, past its end offset ${end}; a commit is the next offset to read, so at most ${end}, once every message there is processed`,
      );
    }
    this.commits.set(key, offset);
  }

  /** The group's committed offset for the partition: the next offset to read; null if none yet. */
  committed(topic: string, partition: number): number | null {
    this.checkPartition(topic, partition);
    return this.commits.get(partitionKey(topic, partition)) ?? null;
  }

  /** The partition's end offset minus the group's committed offset (0 when nothing is committed). */
  lag(topic: string, partition: number): number {
    this.checkPartition(topic, partition);
    return this.log.endOffset(topic, partition) - (this.commits.get(partitionKey(topic, partition)) ?? 0);
  }

  private rebalance(): number {
    this.current++;
    const topics = this.topics.map((topic) => ({ topic, partitions: this.log.partitionCount(topic) }));
    const assignment = ASSIGNORS[this.strategy]([...this.joined], topics);
    this.positions = positionsAfterRebalance(this.positions, assignment, (key) => this.commits.get(key));
    this.assignments = assignment;
    return this.current;
  }

  private memberOf(member: string): void {
    if (!this.joined.has(member)) {
      const members = this.members();
      throw new PartitionedLogError(
        "UNKNOWN_MEMBER",
        `${show(member)} is not in the group (it never joined, or it left); the members are ${members.length === 0 ? "none" : members.join(", ")}. Join first`,
      );
    }
  }

  private ownedBy(member: string): TopicPartition[] {
    this.memberOf(member);
    return this.assignments.get(member) as TopicPartition[];
  }

  /** UNKNOWN_TOPIC for a topic the group does not read, PARTITION_OUT_OF_RANGE from the log. */
  private checkPartition(topic: string, partition: number): void {
    if (!this.topics.includes(topic)) {
      throw new PartitionedLogError(
        "UNKNOWN_TOPIC",
        `the group does not read topic ${show(topic)}; it reads ${this.topics.join(", ")}`,
      );
    }
    this.log.endOffset(topic, partition);
  }

  private notOwner(member: string, topic: string, partition: number): PartitionedLogError {
    // While the group has a member, every partition has an owner.
    const [owner] = [...this.assignments].find(([, owned]) =>
      owned.some((tp) => tp.topic === topic && tp.partition === partition),
    ) as [string, TopicPartition[]];
    const owned = this.assignment(member).map((tp) => `${tp.topic}-${tp.partition}`);
    return new PartitionedLogError(
      "NOT_PARTITION_OWNER",
      `${member} does not own ${topic}-${partition} in generation ${this.current}; ${owner} does. ${member}'s partitions are ${owned.length === 0 ? "none" : owned.join(", ")}`,
    );
  }
}
