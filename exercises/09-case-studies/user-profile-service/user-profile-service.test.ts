import { ensure, flushPromises } from "#kata/testing";
import { DEFAULT_TTL_MS, profileCacheKey, type ProfileChanges, type ProfileEvent } from "./src/profile";
import { UserProfileService, type Profile, type UserProfileServiceOptions } from "./src/user-profile-service";
import {
  answer,
  profileErrorOf,
  profileStores,
  profileWorld,
  settle,
  USERS,
  watch,
  type Outcome,
} from "./profile-stores";

const ADA = profileCacheKey("ada");

/** A version as messages show it: "version 2", or what came back instead of a profile. */
function versionOf(profile: Profile | undefined): string {
  return profile === undefined ? "nothing" : `version ${profile.version}`;
}

describe("cache-aside reads", () => {
  test("a miss reads the replica and caches the profile for one hour; the next read is a hit that reads no database", async () => {
    const { service, cache, replica, primary, clock } = profileWorld();
    const first = await answer(service.getProfile("ada"), "getProfile");
    expect(first).toMatchObject({ userId: "ada", ...USERS.ada, version: 1 });
    expect(replica.reads).toBe(1);
    const entry = cache.peek(ADA);
    ensure(
      entry?.profile === first && entry.expiresAt === clock.now() + DEFAULT_TTL_MS,
      `after a miss the cache should hold the profile under "${ADA}" for ttlMs, one hour (${DEFAULT_TTL_MS} ms) by default; ` +
        `it holds ${entry === undefined ? "nothing" : `${versionOf(entry.profile)} until ${entry.expiresAt - clock.now()} ms from now`}`,
    );
    const second = await answer(service.getProfile("ada"), "getProfile");
    expect(second).toEqual(first);
    ensure(
      replica.reads === 1 && primary.reads === 0,
      `the second read of a cached profile read the replica ${replica.reads - 1} more time(s) and the primary ${primary.reads} time(s): a cache hit reads no database`,
    );
  });

  test("ttlMs sets how long a profile is cached; from its expiry instant on, a read goes to the replica again", async () => {
    const { service, cache, replica, clock } = profileWorld({ ttlMs: 60_000 });
    await answer(service.getProfile("grace"), "getProfile");
    expect(cache.peek(profileCacheKey("grace"))?.expiresAt).toBe(clock.now() + 60_000);
    clock.advance(59_999);
    await answer(service.getProfile("grace"), "getProfile");
    expect(replica.reads).toBe(1);
    clock.advance(1);
    const again = await answer(service.getProfile("grace"), "getProfile");
    expect(again.displayName).toBe("Grace Hopper");
    ensure(
      replica.reads === 2,
      "once the cached profile expired, the read should have gone to the replica and cached it again",
    );
    expect(cache.peek(profileCacheKey("grace"))?.expiresAt).toBe(clock.now() + 60_000);
  });

  test("an unknown user is refused with UNKNOWN_USER; nothing is cached and the primary is not asked", async () => {
    const { service, cache, primary } = profileWorld();
    const error = await profileErrorOf(() => service.getProfile("nobody"));
    expect(error.code).toBe("UNKNOWN_USER");
    expect(error.message).toContain('"nobody"');
    expect(cache.sets).toBe(0);
    ensure(
      primary.reads === 0,
      "an id the replica does not know, and that this service never updated, is unknown: answer without reading the primary (bots scan ids by the million)",
    );
  });
});

describe("updates", () => {
  test("an update commits on the primary and resolves to the committed profile: one version higher, stamped with the clock", async () => {
    const { service, primary, clock } = profileWorld();
    clock.advance(42_000);
    const committed = await answer(service.updateProfile("ada", { bio: "Notes on the engine." }), "updateProfile");
    expect(committed).toEqual({
      userId: "ada",
      ...USERS.ada,
      bio: "Notes on the engine.",
      version: 2,
      updatedAt: clock.now(),
    });
    expect(primary.peek("ada")).toEqual(committed);
    expect(primary.updates).toBe(1);
  });

  test("an update deletes the cached profile and publishes one event: the version, the changes, the commit time", async () => {
    const { service, cache, published, clock } = profileWorld();
    await answer(service.getProfile("ada"), "getProfile");
    clock.advance(5_000);
    await answer(service.updateProfile("ada", { displayName: "Countess of Lovelace" }), "updateProfile");
    ensure(
      cache.peek(ADA) === undefined,
      "after an update the cached profile must be deleted, or readers get the old one for an hour",
    );
    expect(published).toEqual<ProfileEvent[]>([
      {
        type: "user_profile_updated",
        userId: "ada",
        version: 2,
        changes: { displayName: "Countess of Lovelace" },
        at: clock.now(),
      },
    ]);
    const next = await answer(service.getProfile("ada"), "getProfile");
    expect(next).toMatchObject({ displayName: "Countess of Lovelace", version: 2 });
  });

  test("the event follows the commit: nothing is published while the write is in flight", async () => {
    const { service, primary, events, published } = profileWorld();
    const seenOnPrimary: number[] = [];
    events.subscribe("user_profile_updated", (event) => seenOnPrimary.push(primary.peek(event.userId)?.version ?? 0));
    const hold = primary.holdUpdates();
    const update = watch(service.updateProfile("ada", { bio: "Draft" }));
    await flushPromises();
    ensure(
      hold.waiting === 1,
      "updateProfile should have sent the write to the primary (the test holds it there before it commits)",
    );
    ensure(
      published.length === 0,
      "the event was published before the write committed: while the write was still in flight, the primary held version 1, " +
        "so a consumer that acts on the event (re-indexing the profile, say) reads the old one, and if the write fails the event announced a change that never happened. Publish after the write commits.",
    );
    hold.releaseAll();
    await flushPromises();
    expect(update).toMatchObject({ settled: true, value: { version: 2 } });
    expect(seenOnPrimary).toEqual([2]);
  });

  test("a failed write rejects with the database's error and publishes nothing", async () => {
    const { service, primary, published } = profileWorld();
    const failure = new Error("primary unavailable");
    primary.failNextUpdate(failure);
    const outcome = watch(service.updateProfile("ada", { bio: "Lost" }));
    await settle();
    expect(outcome).toMatchObject({ settled: true, error: failure });
    ensure(
      published.length === 0,
      `an event was published for a write that failed (${JSON.stringify(published[0])}): the event was published before the write committed. ` +
        "Consumers would apply a change the database never made. Announce only what committed.",
    );
    expect(primary.peek("ada")?.version).toBe(1);
  });

  test("the cached profile is gone before the event goes out: a consumer reading through the service on the event gets the new version", async () => {
    const { service, events } = profileWorld();
    await answer(service.getProfile("ada"), "getProfile");
    const readsOnEvent: Outcome<Profile>[] = [];
    events.subscribe("user_profile_updated", (event) => readsOnEvent.push(watch(service.getProfile(event.userId))));
    await answer(service.updateProfile("ada", { bio: "Updated" }), "updateProfile");
    await flushPromises();
    const seen = readsOnEvent[0];
    ensure(
      seen?.settled === true && "value" in seen,
      "the consumer's getProfile, made when the event arrived, should have answered",
    );
    ensure(
      seen.value?.version === 2,
      `a consumer that read the profile through the service as the event arrived got ${versionOf(seen.value)}: ` +
        "the event was published before the cached profile was deleted, so the consumer read the old one from the cache. Delete, then publish.",
    );
  });

  test("a read while the write is in flight cannot leave the old profile in the cache", async () => {
    const { service, primary } = profileWorld();
    await answer(service.getProfile("ada"), "getProfile");
    const hold = primary.holdUpdates();
    const update = watch(service.updateProfile("ada", { bio: "Second edition" }));
    await flushPromises();
    ensure(
      hold.waiting === 1,
      "updateProfile should have sent the write to the primary (the test holds it there before it commits)",
    );
    const during = watch(service.getProfile("ada"));
    await flushPromises();
    hold.releaseAll();
    await settle();
    ensure(
      update.settled && during.settled,
      "the update and the read should both have answered once the write committed",
    );
    const after = await answer(service.getProfile("ada"), "getProfile after the update");
    ensure(
      after.version === 2,
      `after updateProfile resolved, getProfile returned ${versionOf(after)} from the cache. A read that ran while the write was in flight ` +
        "missed and cached the old profile again, because the entry was invalidated before the write committed and nothing deleted it afterwards. Delete the cached profile after the commit.",
    );
  });
});

describe("replica lag and read-your-writes", () => {
  test("the writer reads its own update at once, although the replica has not applied it", async () => {
    const { service, replica, primary } = profileWorld();
    await answer(service.getProfile("ada"), "getProfile");
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "Fresh" }), "updateProfile");
    expect(replica.lag).toBe(1);
    const mine = await answer(service.getProfile("ada"), "the writer's getProfile");
    ensure(
      mine.version === 2 && mine.bio === "Fresh",
      `updateProfile committed version 2 and resolved, and the writer's next getProfile returned ${versionOf(mine)}: the lagging replica's copy. ` +
        "Read your own writes: when the replica's copy is older than the version this service committed, read the primary.",
    );
    const primaryReads = primary.reads;
    expect(await answer(service.getProfile("ada"), "getProfile")).toMatchObject({ version: 2 });
    ensure(
      primary.reads === primaryReads,
      "the copy read from the primary was not cached: the next read went to the database again. A current copy from the primary is cached like any other, so one primary read per update serves everyone after it.",
    );
  });

  test("a copy read from the lagging replica is never cached: once the replica catches up, no read returns the old version", async () => {
    const { service, replica, cache, clock } = profileWorld();
    replica.pause();
    await answer(service.updateProfile("ada", { displayName: "A. A. Lovelace" }), "updateProfile");
    await answer(service.getProfile("ada"), "getProfile");
    const lesson = (what: string): string =>
      `${what}: a miss during the lag cached the lagging replica's copy, version 1, after version 2 had committed. ` +
      "The cache serves it for the whole TTL, long after the replica catches up. Never cache a copy older than the version committed.";
    const entry = cache.peek(ADA);
    ensure(entry?.profile.version !== 1, lesson("while the replica lagged, the cache held version 1"));
    replica.resume();
    clock.advance(1_000);
    const later = await answer(service.getProfile("ada"), "getProfile");
    ensure(later.version === 2, lesson(`the replica caught up, yet getProfile returned ${versionOf(later)}`));
  });

  test("time is not progress: 5 s after the update, with the replica still behind, reads get the new version", async () => {
    const { service, replica, clock } = profileWorld();
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "Patient" }), "updateProfile");
    clock.advance(5_000);
    const read = await answer(service.getProfile("ada"), "getProfile");
    ensure(
      read.version === 2,
      `5000 ms after the update, with the replica still behind (it had not applied version 2), getProfile returned ${versionOf(read)}. ` +
        "Time since a write says nothing about replication: a replica can lag for minutes. Compare versions, not clocks.",
    );
  });

  test("the replica serves again once it has applied the committed version: an equal version is current", async () => {
    const { service, replica, primary, clock } = profileWorld({ ttlMs: 60_000 });
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "Caught up" }), "updateProfile");
    expect(await answer(service.getProfile("ada"), "getProfile")).toMatchObject({ version: 2 });
    clock.advance(60_000); // the cached profile expires
    replica.applyNext();
    expect(replica.peek("ada")?.version).toBe(2);
    const primaryReads = primary.reads;
    const read = await answer(service.getProfile("ada"), "getProfile");
    expect(read.version).toBe(2);
    ensure(
      primary.reads === primaryReads,
      "the replica had applied version 2, the version this service committed, yet the read went to the primary: a copy whose version equals the committed one is current. " +
        "Read the primary only while the replica's copy is older (a lower version), or every later miss of this user costs a primary read.",
    );
  });

  test("while the replica lags, a user nobody updated is still read from the replica", async () => {
    const { service, replica, primary } = profileWorld();
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "Busy" }), "updateProfile");
    const grace = await answer(service.getProfile("grace"), "getProfile");
    expect(grace.version).toBe(1);
    ensure(
      primary.reads === 0 && replica.reads === 1,
      `grace was never updated, yet reading her profile read the primary ${primary.reads} time(s): only a user whose committed version the replica lacks needs the primary. ` +
        "The primary takes every write; sending it reads as well is what the replicas are there to avoid.",
    );
  });

  test("a read that started before an update and answered after it does not cache its old copy", async () => {
    const { service, replica, cache } = profileWorld();
    replica.pause();
    const hold = replica.holdReads();
    const early = watch(service.getProfile("ada"));
    await flushPromises();
    ensure(
      hold.waiting === 1,
      "getProfile on an empty cache should have asked the replica (the test holds the request there)",
    );
    const update = watch(service.updateProfile("ada", { bio: "Overtaken" }));
    await flushPromises();
    hold.releaseAll();
    await settle();
    ensure(
      early.settled && update.settled,
      "the early read and the update should both have answered once the replica did",
    );
    const entry = cache.peek(ADA);
    const next = await answer(service.getProfile("ada"), "getProfile after both");
    ensure(
      entry?.profile.version !== 1 && next.version === 2,
      `a read that started before the update (it missed, asked the replica, and got the replica's answer after version 2 had committed) left version 1 in the cache, ` +
        `and the next read returned ${versionOf(next)}. Check a copy against the committed version when the answer arrives, not when the read starts.`,
    );
  });
});

describe("bad input", () => {
  const DEPENDENCIES = ["primary", "replica", "cache", "events", "clock"] as const;

  function optionsOf(stores: ReturnType<typeof profileStores>): UserProfileServiceOptions {
    const { primary, replica, cache, events, clock } = stores;
    return { primary, replica, cache, events, clock };
  }

  test("a missing store, event sink or clock is refused with INVALID_OPTIONS, naming it", async () => {
    for (const name of DEPENDENCIES) {
      const options: Partial<UserProfileServiceOptions> = { ...optionsOf(profileStores()), [name]: undefined };
      const error = await profileErrorOf(() => new UserProfileService(options as UserProfileServiceOptions));
      expect(error.code).toBe("INVALID_OPTIONS");
      ensure(
        error.message.includes(`options.${name}`) && error.message.includes("missing"),
        `without options.${name} the message should name it and say it is missing; it was: ${error.message}`,
      );
    }
  });

  test("a dependency without a method the service calls is refused with INVALID_OPTIONS, naming the method", async () => {
    const stores = profileStores();
    const cache = { get: stores.cache.get.bind(stores.cache), set: stores.cache.set.bind(stores.cache) };
    const options = { ...optionsOf(stores), cache } as unknown as UserProfileServiceOptions;
    const error = await profileErrorOf(() => new UserProfileService(options));
    expect(error.code).toBe("INVALID_OPTIONS");
    expect(error.message).toContain("options.cache");
    expect(error.message).toContain("no delete");
  });

  test("ttlMs must be a positive whole number of milliseconds: INVALID_TTL names the value", async () => {
    for (const ttlMs of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "60000"]) {
      const options = { ...optionsOf(profileStores()), ttlMs } as UserProfileServiceOptions;
      const error = await profileErrorOf(() => new UserProfileService(options));
      expect(error.code).toBe("INVALID_TTL");
      expect(error.message).toContain(typeof ttlMs === "number" ? String(ttlMs) : JSON.stringify(ttlMs));
    }
  });

  test("a user id that is not a non-empty string is refused with INVALID_USER_ID, by both methods", async () => {
    const { service } = profileWorld();
    for (const userId of ["", 42, undefined, null]) {
      const shown = JSON.stringify(userId) ?? String(userId);
      for (const call of [
        () => service.getProfile(userId as string),
        () => service.updateProfile(userId as string, { bio: "x" }),
      ]) {
        const error = await profileErrorOf(call);
        expect(error.code).toBe("INVALID_USER_ID");
        expect(error.message).toContain(shown);
      }
    }
  });

  test("changes that are not an object, have no field, or name another field are refused with INVALID_CHANGES", async () => {
    const { service } = profileWorld();
    for (const changes of [null, "bio", 42, ["bio"]]) {
      const error = await profileErrorOf(() => service.updateProfile("ada", changes as never));
      expect(error.code).toBe("INVALID_CHANGES");
      expect(error.message).toContain("must be an object");
      expect(error.message).toContain(JSON.stringify(changes));
    }
    const empty = await profileErrorOf(() => service.updateProfile("ada", {}));
    expect(empty.code).toBe("INVALID_CHANGES");
    expect(empty.message).toContain("no field");
    const email = await profileErrorOf(() => service.updateProfile("ada", { bio: "x", email: "a@b.c" } as never));
    expect(email.code).toBe("INVALID_CHANGES");
    expect(email.message).toContain("email");
    expect(email.message).toContain("displayName, bio, avatarUrl");
  });

  test("each field keeps its rule: INVALID_FIELD names the field", async () => {
    const { service } = profileWorld();
    const refused: [keyof ProfileChanges, unknown][] = [
      ["displayName", ""],
      ["displayName", "   "],
      ["displayName", 42],
      ["displayName", "x".repeat(101)],
      ["displayName", "😀".repeat(101)],
      ["bio", undefined],
      ["bio", "b".repeat(151)],
      ["avatarUrl", "http://img.example.com/a.png"],
      ["avatarUrl", "not a url"],
      ["avatarUrl", "javascript:alert(1)"],
      ["avatarUrl", 42],
      ["avatarUrl", `https://img.example.com/${"a".repeat(477)}`],
    ];
    for (const [field, value] of refused) {
      const error = await profileErrorOf(() => service.updateProfile("ada", { [field]: value }));
      ensure(
        error.code === "INVALID_FIELD" && error.message.includes(field),
        `updateProfile("ada", { ${field}: ${JSON.stringify(value)} }) should be refused with INVALID_FIELD naming ${field}; got ${error.code}: ${error.message}`,
      );
    }
  });

  test("values at their limits are accepted: 100 characters of displayName (an emoji is one), 150 of bio, an empty bio, a null avatar", async () => {
    const { service } = profileWorld();
    const accepted = [
      { displayName: "x".repeat(100) },
      { displayName: "😀".repeat(100) },
      { bio: "b".repeat(150) },
      { bio: "" },
      { avatarUrl: null },
      { avatarUrl: `https://img.example.com/${"a".repeat(476)}` },
    ];
    let version = 1;
    for (const changes of accepted) {
      const committed = await answer(
        service.updateProfile("ada", changes),
        `updateProfile("ada", ${JSON.stringify(changes)})`,
      );
      version++;
      expect(committed).toMatchObject({ ...changes, version });
    }
  });

  test("a refused update touches no store", async () => {
    const { service, primary, cache, published } = profileWorld();
    await profileErrorOf(() => service.updateProfile("ada", { displayName: "" }));
    await profileErrorOf(() => service.updateProfile("", { bio: "x" }));
    ensure(
      primary.updates === 0 && cache.deletes === 0 && published.length === 0,
      `a refused update wrote ${primary.updates} time(s), deleted ${cache.deletes} cache entries and published ${published.length} event(s): check everything before touching anything`,
    );
  });

  test("updating an unknown user: UNKNOWN_USER; nothing is deleted and nothing is published", async () => {
    const { service, cache, published } = profileWorld();
    const error = await profileErrorOf(() => service.updateProfile("nobody", { bio: "x" }));
    expect(error.code).toBe("UNKNOWN_USER");
    expect(error.message).toContain('"nobody"');
    expect(published).toEqual([]);
    expect(cache.deletes).toBe(0);
  });
});
