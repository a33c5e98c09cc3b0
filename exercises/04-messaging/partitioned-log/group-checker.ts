/**
 * A test helper (given): drives a consumer group the way its clients would, and checks every poll
 * against what the rules say the group must return. It knows nothing of how the group is built:
 * only what was appended, what each member was assigned, what each poll returned and what each
 * member committed. From that alone it knows where each owner must read next, and so how many
 * messages a rebalance may hand out twice: exactly those fetched and not committed by a member
 * whose partition moved.
 */
import { ensure } from "#kata/testing";
import { PartitionedLogError } from "./src/errors";
import type { ConsumerGroup, Message, PartitionedLog } from "./src/partitioned-log";

/** "orders-3": how Kafka's tools name a partition, and how the messages below do. */
export function partitionName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

interface Move {
  from: string | undefined;
  to: string;
  generation: number;
  /** The group's committed offset when the partition moved, if any. */
  committed: number | undefined;
  /** Where the old owner had fetched up to. */
  fromPosition: number | undefined;
  /** Whether the new owner has read the partition since. */
  readSince: boolean;
}

export class CheckedGroup {
  /** Deliveries beyond the first, over the whole run. */
  duplicates = 0;
  /** What the rules allow: at each move, what the old owner had fetched past the committed offset. */
  expectedDuplicates = 0;
  private readonly deliveries = new Map<string, number>();
  private readonly owner = new Map<string, string>();
  private readonly next = new Map<string, number>();
  private readonly commits = new Map<string, number>();
  private readonly moves = new Map<string, Move>();
  /** Where a member stood in a partition when it lost it: "member partition" -> offset. */
  private readonly leftAt = new Map<string, number>();
  private readonly polledIn = new Map<string, number>();

  constructor(
    readonly log: PartitionedLog,
    readonly group: ConsumerGroup,
  ) {}

  join(member: string): number {
    const generation = this.group.join(member);
    this.polledIn.set(member, generation);
    this.afterRebalance();
    return generation;
  }

  leave(member: string): number {
    const generation = this.group.leave(member);
    this.afterRebalance();
    return generation;
  }

  /** Where the rules say the partition's owner reads next. */
  expectedPosition(topic: string, partition: number): number | undefined {
    return this.next.get(partitionName(topic, partition));
  }

  /** The member's partitions, by name, as the group assigns them now. */
  partitionsOf(member: string): string[] {
    return this.group.assignment(member).map((tp) => partitionName(tp.topic, tp.partition));
  }

  /** Polls and checks the result: the right count, only the member's partitions, each in order from its position. */
  poll(member: string, maxMessages: number): Message[] {
    const owned = this.group.assignment(member);
    let waiting = 0;
    for (const { topic, partition } of owned) {
      const expected = this.next.get(partitionName(topic, partition)) ?? 0;
      const position = this.group.position(member, topic, partition);
      if (position !== expected) throw new Error(this.explain(member, topic, partition, position, expected));
      waiting += this.log.endOffset(topic, partition) - expected;
    }
    const { generation, messages } = this.group.poll(member, maxMessages);
    ensure(
      generation === this.group.generation,
      `${member}'s poll said generation ${generation}, but the group is in generation ${this.group.generation}: ` +
        "a poll returns the current generation, the one its member's commits must carry",
    );
    this.polledIn.set(member, generation);
    for (const message of messages) this.receive(member, message);
    ensure(
      messages.length === Math.min(maxMessages, waiting),
      `poll(${member}, ${maxMessages}) returned ${messages.length} messages, but ${waiting} were waiting past ${member}'s ` +
        `positions in ${owned.map((tp) => partitionName(tp.topic, tp.partition)).join(", ") || "no partition"}: a poll returns ` +
        "min(maxMessages, messages waiting), never fewer while any of its partitions has some",
    );
    return messages;
  }

  /**
   * Commits one offset for one partition, as a member that processed only part of what it fetched
   * does, in the generation of its last poll (see commit).
   */
  commitOffset(member: string, topic: string, partition: number, offset: number): void {
    const generation = this.polledIn.get(member) ?? this.group.generation;
    const name = partitionName(topic, partition);
    const commit = { member, generation, topic, partition, offset };
    if (generation === this.group.generation) {
      this.group.commit(commit);
      this.commits.set(name, offset);
      return;
    }
    let outcome = "accepted";
    try {
      this.group.commit(commit);
    } catch (error) {
      if (!(error instanceof PartitionedLogError)) throw error;
      outcome = `refused with ${error.code}`;
    }
    const committed = this.group.committed(topic, partition);
    ensure(
      outcome === "refused with STALE_GENERATION" && committed === (this.commits.get(name) ?? null),
      `${member} last polled in generation ${generation}; the group has rebalanced to generation ${this.group.generation} ` +
        `since. Its commit of ${name}@${offset} with the older generation was ${outcome}` +
        `${committed === offset && outcome === "accepted" ? ` (the committed offset is now ${offset})` : ""}. A commit from an ` +
        "older generation must be refused with STALE_GENERATION and change nothing: until its member polls again, it " +
        "does not know what it owns, and another member may have read and committed its partitions meanwhile.",
    );
  }

  /**
   * Commits, for each of the member's partitions (or those named), the offset it has read up to, in
   * the generation of its last poll. A member that has not polled since a rebalance still holds the
   * older generation, as a real client would: its commits must be refused, and count for nothing.
   */
  commit(member: string, only?: readonly string[]): void {
    for (const { topic, partition } of this.group.assignment(member)) {
      const name = partitionName(topic, partition);
      if (only !== undefined && !only.includes(name)) continue;
      this.commitOffset(member, topic, partition, this.next.get(name) ?? 0);
    }
  }

  /** Every member polls until nothing is left, committing as it goes. */
  drain(maxMessages = 50): void {
    for (const member of this.group.members()) {
      while (this.poll(member, maxMessages).length > 0) this.commit(member);
      this.commit(member);
    }
  }

  /** After a drain: every message delivered, and exactly the duplicates the commits allow. */
  checkDeliveries(topics: readonly string[]): void {
    for (const topic of topics) {
      for (let partition = 0; partition < this.log.partitionCount(topic); partition++) {
        for (let offset = 0; offset < this.log.endOffset(topic, partition); offset++) {
          ensure(
            this.deliveries.has(`${partitionName(topic, partition)}@${offset}`),
            `message ${partitionName(topic, partition)}@${offset} was never delivered to any member: it was skipped`,
          );
        }
      }
    }
    ensure(
      this.duplicates === this.expectedDuplicates,
      `the members read ${this.duplicates} messages a second time; the rules allow exactly ${this.expectedDuplicates}: ` +
        "those an owner had fetched past the committed offset when its partition moved. " +
        (this.duplicates > this.expectedDuplicates
          ? "More means committed messages were read again (a new owner started before the committed offset, or a member that kept a partition lost its position)."
          : "Fewer means a new owner started past the committed offset, so it skipped messages."),
    );
  }

  private afterRebalance(): void {
    const owners = new Map<string, string>();
    for (const member of this.group.members()) {
      for (const name of this.partitionsOf(member)) owners.set(name, member);
    }
    for (const [name, from] of this.owner) {
      if (owners.get(name) === from) continue;
      const at = this.next.get(name) ?? 0;
      this.leftAt.set(`${from} ${name}`, at);
      this.expectedDuplicates += Math.max(0, at - (this.commits.get(name) ?? 0));
      this.next.delete(name);
    }
    for (const [name, to] of owners) {
      const from = this.owner.get(name);
      if (from === to) continue;
      const committed = this.commits.get(name);
      this.moves.set(name, {
        from,
        to,
        generation: this.group.generation,
        committed,
        fromPosition: from === undefined ? undefined : this.leftAt.get(`${from} ${name}`),
        readSince: false,
      });
      this.next.set(name, committed ?? 0);
    }
    this.owner.clear();
    for (const [name, member] of owners) this.owner.set(name, member);
  }

  private receive(member: string, message: Message): void {
    const name = partitionName(message.topic, message.partition);
    const owner = this.owner.get(name);
    ensure(
      owner === member,
      `${member}'s poll returned ${name}@${message.offset}, but ${name} belongs to ${owner ?? "no member"} in generation ` +
        `${this.group.generation}: a poll reads only the member's own partitions`,
    );
    const expected = this.next.get(name) ?? 0;
    if (message.offset !== expected) {
      throw new Error(this.explain(member, message.topic, message.partition, message.offset, expected));
    }
    const move = this.moves.get(name);
    if (move !== undefined) move.readSince = true;
    this.next.set(name, expected + 1);
    const key = `${name}@${message.offset}`;
    const seen = this.deliveries.get(key) ?? 0;
    if (seen > 0) this.duplicates++;
    this.deliveries.set(key, seen + 1);
  }

  /** Why an owner's next message is not the one the rules say, in the words of the likely mistake. */
  private explain(member: string, topic: string, partition: number, got: number, expected: number): string {
    const name = partitionName(topic, partition);
    const move = this.moves.get(name);
    const head = `${member} reads ${name} from offset ${got} next, but the rules say from ${expected}`;
    if (move === undefined || move.to !== member || move.readSince) {
      return (
        `${head}. ${member} has read ${name} since it was last assigned: each poll goes on from where the last one ` +
        `stopped, one offset at a time (${got > expected ? "a gap skips messages" : "going back reads messages twice"}). ` +
        "A member that keeps a partition across a rebalance keeps its position too."
      );
    }
    const committedText =
      move.committed === undefined ? "nothing was committed for it" : `the committed offset was ${move.committed}`;
    const context = `${name} ${move.from === undefined ? "was first assigned" : `moved from ${move.from}`} to ${member} in generation ${move.generation}, and ${committedText}`;
    const stale = this.leftAt.get(`${member} ${name}`);
    if (move.committed !== undefined && got === move.committed + 1) {
      return (
        `${head}: ${context}. It started one past the committed offset. A committed offset is the next offset to read ` +
        `(the last processed + 1), so a new owner starts AT it; starting after it skips ${name}@${move.committed}.`
      );
    }
    if (stale !== undefined && got === stale) {
      return (
        `${head}: ${context}. ${member} resumed where it stood when it lost ${name} earlier (offset ${stale}). When a partition ` +
        "comes back to a member, it starts at the committed offset like any partition that changes hands: meanwhile another " +
        "member read it and committed, and the old position knows nothing of that."
      );
    }
    if (move.fromPosition !== undefined && got === move.fromPosition) {
      return (
        `${head}: ${context}. ${member} started where ${move.from} had fetched up to (${got}), so whatever ${move.from} fetched ` +
        `and never committed (${name}@${expected} to @${got - 1}) is skipped: nobody processes it. The new owner starts at the ` +
        "committed offset (0 when there is none)."
      );
    }
    if (got > expected) {
      return (
        `${head}: ${context}. Starting at ${got} skips ${got - expected} messages; the new owner starts at the committed ` +
        "offset, or at 0 when there is none (not at the log end offset, not where anyone else had got to)."
      );
    }
    return (
      `${head}: ${context}. Starting at ${got} reads ${expected - got} committed messages again: the new owner starts at the ` +
      "committed offset, not from the beginning."
    );
  }
}
