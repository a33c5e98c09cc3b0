import { notImplemented } from "#kata";
import type { TopicPartition } from "./assignors";
import type { Message, PartitionedLog } from "./partitioned-log";
// rangeAssignor and roundRobinAssignor (./assignors) are the two strategies;
// PartitionedLogError (./errors) is what bad input throws.

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

/**
 * A consumer group, as Kafka's group coordinator runs one. Its members share the partitions of its
 * topics, each partition read by exactly one member, and the group keeps one committed offset per
 * partition: the next offset to read, as the member that processed the messages reported it.
 *
 * Rebalances. Every join and every leave is a rebalance: the generation goes up by one, and every
 * partition is assigned afresh by the strategy (./assignors.ts), over the members sorted by id.
 * Then, for each member and each of its partitions:
 * - a partition the member already had in the previous generation keeps the member's position;
 * - a partition that changed hands starts at the group's committed offset for it, or at 0 if
 *   nothing has been committed. Not at the old owner's position (the messages it fetched but did
 *   not commit would be lost), not at the end offset (everything not yet read would be), and not
 *   at 0 when there is a commit (everything committed would be read twice).
 * So across rebalances no message is skipped, and the only messages read twice are those a member
 * fetched and did not commit before its partition moved.
 *
 * Commits. A commit names the generation its member's assignment came from. The group accepts it
 * only from a current member, in the current generation, for a partition that member owns now,
 * at an offset from 0 to the partition's end offset; moving a committed offset back is allowed
 * (that is how a group re-reads). A commit from an older generation is refused even if its member
 * owns the partition again: in between, another member may have read and committed past it.
 *
 * Lag is the partition's end offset minus the committed offset: how much the group has not yet
 * finished, whatever its members have fetched.
 *
 * Errors are PartitionedLogErrors (./errors.ts) with a code: see each method. A call that throws
 * changes nothing.
 */
export class ConsumerGroup {
  /** The topics the group reads, as given. */
  readonly topics: readonly string[];
  /** The assignment strategy, "range" unless given. */
  readonly strategy: AssignmentStrategy;

  /**
   * A group with no members yet (generation 0) that reads `options.topics` of `log`.
   * @throws INVALID_SUBSCRIPTION for an empty topic list or one that names a topic twice;
   *   UNKNOWN_TOPIC for a topic the log does not have; INVALID_STRATEGY for a strategy other
   *   than "range" and "roundrobin".
   */
  constructor(log: PartitionedLog, options: ConsumerGroupOptions) {
    this.topics = options.topics;
    this.strategy = options.strategy ?? "range";
    notImplemented(`new ConsumerGroup(log, { topics: ${JSON.stringify(options.topics)} })`);
  }

  /** 0 until the first join; one more on every join and every leave. */
  get generation(): number {
    return notImplemented("ConsumerGroup.generation");
  }

  /** The members, sorted by id. */
  members(): string[] {
    return notImplemented("ConsumerGroup.members");
  }

  /**
   * Adds the member and rebalances; returns the new generation.
   * @throws INVALID_MEMBER_ID unless member is a non-empty string; MEMBER_EXISTS if it is in the group.
   */
  join(member: string): number {
    return notImplemented(`ConsumerGroup.join(${JSON.stringify(member)})`);
  }

  /**
   * Removes the member and rebalances; returns the new generation. Committed offsets stay: the
   * group keeps them even when its last member leaves, and starts from them when members return.
   * @throws UNKNOWN_MEMBER
   */
  leave(member: string): number {
    return notImplemented(`ConsumerGroup.leave(${JSON.stringify(member)})`);
  }

  /**
   * The member's partitions in the current generation, sorted by topic, then partition.
   * @throws UNKNOWN_MEMBER
   */
  assignment(member: string): TopicPartition[] {
    return notImplemented(`ConsumerGroup.assignment(${JSON.stringify(member)})`);
  }

  /**
   * The next messages of the member's partitions, each from the member's position there, and the
   * current generation. Returns min(maxMessages, messages waiting in the member's partitions):
   * never an empty poll while any of its partitions has messages past its position. Each
   * partition's messages come in offset order; which partitions come first is up to you. Polling
   * moves the member's positions past what it returns; it commits nothing.
   * @throws UNKNOWN_MEMBER; INVALID_MAX_MESSAGES unless maxMessages is a positive integer.
   */
  poll(member: string, maxMessages: number): PollResult {
    return notImplemented(`ConsumerGroup.poll(${JSON.stringify(member)}, ${maxMessages})`);
  }

  /**
   * The next offset the member will fetch from the partition.
   * @throws UNKNOWN_MEMBER; UNKNOWN_TOPIC for a topic the group does not read;
   *   PARTITION_OUT_OF_RANGE; NOT_PARTITION_OWNER if the member is not assigned the partition.
   */
  position(member: string, topic: string, partition: number): number {
    return notImplemented(`ConsumerGroup.position(${JSON.stringify(member)}, ${JSON.stringify(topic)}, ${partition})`);
  }

  /**
   * Records that the group has processed the partition up to, not including, `commit.offset`.
   * @throws UNKNOWN_TOPIC for a topic the group does not read; PARTITION_OUT_OF_RANGE;
   *   INVALID_OFFSET for a negative or fractional offset; UNKNOWN_MEMBER; STALE_GENERATION unless
   *   commit.generation is the current generation; NOT_PARTITION_OWNER unless the member owns the
   *   partition now; COMMIT_BEYOND_END past the partition's end offset.
   */
  commit(commit: OffsetCommit): void {
    notImplemented(`ConsumerGroup.commit(${JSON.stringify(commit)})`);
  }

  /**
   * The group's committed offset for the partition (the next offset to read), or null if none.
   * @throws UNKNOWN_TOPIC for a topic the group does not read; PARTITION_OUT_OF_RANGE
   */
  committed(topic: string, partition: number): number | null {
    return notImplemented(`ConsumerGroup.committed(${JSON.stringify(topic)}, ${partition})`);
  }

  /**
   * The partition's end offset minus the group's committed offset (minus 0 if none).
   * @throws UNKNOWN_TOPIC for a topic the group does not read; PARTITION_OUT_OF_RANGE
   */
  lag(topic: string, partition: number): number {
    return notImplemented(`ConsumerGroup.lag(${JSON.stringify(topic)}, ${partition})`);
  }
}
