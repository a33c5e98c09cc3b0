/**
 * How the service is measured, in virtual time (deterministic, no wall clock). Profile reads are
 * what a user service spends its life on: every feed item shows its author's name and picture.
 * The stores answer after a network's latency (a cache round trip 0.5 ms, a replica read 2 ms, a
 * primary read 3 ms, a committed write 8 ms) and the replica applies each commit 30 ms late.
 *
 * The cache is warm; then 2,000 requests arrive one every 0.05 virtual ms (20,000 a second) for
 * 200 users, with Zipf popularity (the hottest user gets about one request in six), 5% of them
 * updates. The figure is the virtual time from the first request to the last answer, so a design
 * that makes requests wait for one another (a lock around a hot profile) pays for the queue.
 */
import { EventBus } from "#kata/bus";
import { defineBench, zipfIndexes } from "#kata/bench";
import { Prng, VirtualTimers } from "#kata/sim";
import { PrimaryDatabase, ReplicaDatabase, SharedCache, type StoreOperation } from "./profile-stores";
import type { ProfileEvent } from "./src/profile";
import type * as ServiceModule from "./src/user-profile-service";

type Api = Pick<typeof ServiceModule, "UserProfileService">;

const USER_COUNT = 200;
const REQUESTS = 2_000;
const ARRIVAL_EVERY_MS = 0.05;
const UPDATE_SHARE = 0.05;
const REPLICATION_LAG_MS = 30;
const LATENCY_MS: Record<StoreOperation, number> = {
  "cache.get": 0.5,
  "cache.set": 0.5,
  "cache.delete": 0.5,
  "replica.read": 2,
  "primary.read": 3,
  "primary.update": 8,
};

async function burst(api: Api, seed: number): Promise<number> {
  const timers = new VirtualTimers();
  const clock = { now: () => timers.now() };
  const latency = (operation: StoreOperation): Promise<void> => timers.sleep(LATENCY_MS[operation]);
  const primary = new PrimaryDatabase(latency);
  const users = Array.from({ length: USER_COUNT }, (_, k) => `user-${k}`);
  for (const userId of users) primary.create(userId, { displayName: userId, bio: "", avatarUrl: null });
  const replica = new ReplicaDatabase(primary, latency, () => timers.sleep(REPLICATION_LAG_MS));
  const cache = new SharedCache(clock, latency);
  const service = new api.UserProfileService({ primary, replica, cache, events: new EventBus<ProfileEvent>(), clock });

  const warm = Promise.all(users.map((userId) => service.getProfile(userId)));
  await timers.runUntilIdle();
  await warm;

  const start = timers.now();
  let lastAnswer = start;
  const answered = (): void => {
    lastAnswer = Math.max(lastAnswer, timers.now());
  };
  const random = new Prng(seed);
  const requests: Promise<unknown>[] = [];
  zipfIndexes(REQUESTS, USER_COUNT, 1, seed).forEach((user, i) => {
    const userId = users[user] as string;
    const update = random.next() < UPDATE_SHARE;
    void timers.sleep(i * ARRIVAL_EVERY_MS).then(() => {
      const request = update ? service.updateProfile(userId, { bio: `edit ${i}` }) : service.getProfile(userId);
      requests.push(request.then(answered));
    });
  });
  await timers.runUntilIdle();
  await Promise.all(requests);
  return lastAnswer - start;
}

export default defineBench<Api>({
  workloads: [{ kind: "sim", name: "burst of 2,000 requests", unit: "virtual ms", seeds: 5, measure: burst }],
});
