/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import { ensure, flushPromises } from "#kata/testing";
import { profileCacheKey } from "./src/profile";
import { UserProfileService, type Profile } from "./src/user-profile-service";
import { answer, profileErrorOf, profileStores, profileWorld, settle, watch } from "./profile-stores";

const ADA = profileCacheKey("ada");

function versionOf(profile: Profile | undefined): string {
  return profile === undefined ? "nothing" : `version ${profile.version}`;
}

describe("hidden: versions under concurrency", () => {
  test("answers to two updates arriving newest first do not lower the version noted", async () => {
    const { service, replica, primary } = profileWorld();
    replica.pause();
    const hold = primary.holdUpdateAnswers();
    const first = watch(service.updateProfile("ada", { bio: "first" }));
    const second = watch(service.updateProfile("ada", { bio: "second" }));
    await flushPromises();
    // Newest answer first; a design that serialises a user's updates has only one waiting at a time.
    for (let round = 0; round < 4 && hold.waiting > 0; round++) {
      hold.releaseLast();
      await settle();
    }
    ensure(
      first.settled && second.settled,
      "both updates should have answered once the database's answers were released",
    );
    expect(primary.peek("ada")?.version).toBe(3);
    replica.applyNext(); // the replica now has version 2, the older of the two commits
    const read = await answer(service.getProfile("ada"), "getProfile");
    ensure(
      read.version === 3,
      `two updates committed versions 2 and 3 and their answers arrived newest first; with the replica at version 2, getProfile returned ${versionOf(read)}. ` +
        "Keep the highest version committed: an answer that arrives late must not lower it.",
    );
  });

  test("two updates in a row while the replica lags: once it has applied only the first, reads still get the second", async () => {
    const { service, replica } = profileWorld();
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "one" }), "updateProfile");
    await answer(service.updateProfile("ada", { bio: "two" }), "updateProfile");
    replica.applyNext();
    const read = await answer(service.getProfile("ada"), "getProfile");
    ensure(
      read.version === 3,
      `after versions 2 and 3 committed, with the replica at version 2, getProfile returned ${versionOf(read)}: each commit raises the version the service goes by`,
    );
  });

  test("a primary read answered after a newer commit answers its reader but is not cached", async () => {
    const { service, replica, primary } = profileWorld();
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "v2" }), "updateProfile");
    const hold = primary.holdReadAnswers();
    const slow = watch(service.getProfile("ada"));
    await flushPromises();
    const update = watch(service.updateProfile("ada", { bio: "v3" }));
    await flushPromises();
    hold.releaseAll();
    await settle();
    ensure(slow.settled && update.settled, "the slow read and the second update should both have answered");
    const next = await answer(service.getProfile("ada"), "getProfile");
    ensure(
      next.version === 3,
      `a primary read asked before version 3 committed and answered after it was cached: the next read returned ${versionOf(next)}. ` +
        "A copy older than the committed version answers the reader who asked for it, but never goes into the cache.",
    );
  });

  test("while the replica lags, concurrent readers all get the new version", async () => {
    const { service, replica } = profileWorld();
    replica.pause();
    await answer(service.updateProfile("grace", { displayName: "Rear Admiral Hopper" }), "updateProfile");
    const reads = await answer(
      Promise.all(Array.from({ length: 10 }, () => service.getProfile("grace"))),
      "ten concurrent getProfile calls",
    );
    expect(reads.map((p) => p.version)).toEqual(Array.from({ length: 10 }, () => 2));
  });

  test("a replica that lags longer than the TTL: after the cached copy expires, the primary answers again", async () => {
    const { service, replica, primary, clock } = profileWorld({ ttlMs: 60_000 });
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "slow replica" }), "updateProfile");
    await answer(service.getProfile("ada"), "getProfile");
    clock.advance(60_000);
    const read = await answer(service.getProfile("ada"), "getProfile");
    ensure(
      read.version === 2,
      `the replica still lags a minute after the update, and once the cached copy expired getProfile returned ${versionOf(read)}: ` +
        "the version committed is what tells the replica's copy is old, for as long as the replica lags, not only until the first read",
    );
    expect(primary.reads).toBe(2);
  });

  test("a user signed up and updated while the replica lags is read from the primary, not refused as unknown", async () => {
    const { service, replica, primary } = profileWorld();
    replica.pause();
    primary.create("new", { displayName: "Newcomer", bio: "", avatarUrl: null });
    await answer(service.updateProfile("new", { bio: "Hello" }), "updateProfile");
    expect(replica.peek("new")).toBeUndefined();
    const read = await answer(service.getProfile("new"), "getProfile");
    ensure(
      read.version === 2 && read.bio === "Hello",
      `the replica has not applied the sign-up yet, but this service committed version 2 of "new": read the primary rather than call the user unknown; got ${versionOf(read)}`,
    );
  });

  test("two updates in a row: versions 2 and 3, two events in order, each with only its own changes", async () => {
    const { service, published, clock } = profileWorld();
    await answer(service.updateProfile("linus", { bio: "Kernel" }), "updateProfile");
    const firstAt = clock.now();
    clock.advance(10);
    await answer(service.updateProfile("linus", { avatarUrl: "https://img.example.com/tux.png" }), "updateProfile");
    expect(published).toEqual([
      { type: "user_profile_updated", userId: "linus", version: 2, changes: { bio: "Kernel" }, at: firstAt },
      {
        type: "user_profile_updated",
        userId: "linus",
        version: 3,
        changes: { avatarUrl: "https://img.example.com/tux.png" },
        at: clock.now(),
      },
    ]);
    expect(await answer(service.getProfile("linus"), "getProfile")).toMatchObject({
      bio: "Kernel",
      avatarUrl: "https://img.example.com/tux.png",
      version: 3,
    });
  });

  test("the event carries the commit's time, the profile's updatedAt, even when the write took a while", async () => {
    const { service, primary, published, clock } = profileWorld();
    const hold = primary.holdUpdates();
    const sentAt = clock.now();
    const update = watch(service.updateProfile("ada", { displayName: "Ada" }));
    await flushPromises();
    clock.advance(250);
    hold.releaseAll();
    await settle();
    expect(update.value?.updatedAt).toBe(sentAt);
    expect(published[0]?.at).toBe(update.value?.updatedAt);
  });

  test("a cached profile is served from the cache even while the replica lags behind other users' updates", async () => {
    const { service, replica, primary } = profileWorld();
    await answer(service.getProfile("grace"), "getProfile");
    replica.pause();
    await answer(service.updateProfile("ada", { bio: "elsewhere" }), "updateProfile");
    await answer(service.getProfile("grace"), "getProfile");
    expect(replica.reads).toBe(1);
    expect(primary.reads).toBe(0);
  });
});

describe("hidden: failures", () => {
  test("a failed replica read rejects with its error and caches nothing; the next read succeeds", async () => {
    const { service, replica, cache } = profileWorld();
    const failure = new Error("replica connection reset");
    replica.failNextRead(failure);
    const outcome = watch(service.getProfile("ada"));
    await settle();
    expect(outcome).toMatchObject({ settled: true, error: failure });
    expect(cache.peek(ADA)).toBeUndefined();
    expect(await answer(service.getProfile("ada"), "getProfile")).toMatchObject({ version: 1 });
  });

  test("a failed write deletes nothing from the cache and notes no version: later reads still use the replica", async () => {
    const { service, primary, replica, cache } = profileWorld();
    await answer(service.getProfile("ada"), "getProfile");
    primary.failNextUpdate(new Error("deadlock detected"));
    await service.updateProfile("ada", { bio: "x" }).catch(() => undefined);
    expect(cache.peek(ADA)?.profile.version).toBe(1);
    await cache.delete(ADA);
    await answer(service.getProfile("ada"), "getProfile");
    expect(primary.reads).toBe(0);
    expect(replica.reads).toBe(2);
  });
});

describe("hidden: bad input, messages", () => {
  test("INVALID_OPTIONS when the options themselves are missing", async () => {
    const error = await profileErrorOf(() => new UserProfileService(undefined as never));
    expect(error.code).toBe("INVALID_OPTIONS");
    expect(error.message).toContain("options.primary");
  });

  test("INVALID_OPTIONS names the methods a dependency needs", async () => {
    const { primary, replica, cache, events, clock } = profileStores();
    const error = await profileErrorOf(
      () =>
        new UserProfileService({
          primary: { read: primary.read.bind(primary) } as never,
          replica,
          cache,
          events,
          clock,
        }),
    );
    expect(error.code).toBe("INVALID_OPTIONS");
    expect(error.message).toContain("read, update");
    expect(error.message).toContain("no update");
  });

  test("INVALID_OPTIONS lists every method a dependency lacks", async () => {
    const { replica, cache, events, clock } = profileStores();
    const error = await profileErrorOf(
      () => new UserProfileService({ primary: {} as never, replica, cache, events, clock }),
    );
    expect(error.message).toContain("no read, update");
  });

  test("INVALID_TTL says what the default is", async () => {
    const { primary, replica, cache, events, clock } = profileStores();
    const error = await profileErrorOf(
      () => new UserProfileService({ primary, replica, cache, events, clock, ttlMs: -5 }),
    );
    expect(error.message).toContain("-5");
    expect(error.message).toContain("3600000");
  });

  test("INVALID_FIELD says the length and the limit; INVALID_CHANGES names each unknown field", async () => {
    const { service } = profileWorld();
    const long = await profileErrorOf(() => service.updateProfile("ada", { bio: "é".repeat(151) }));
    expect(long.message).toContain("151");
    expect(long.message).toContain("150");
    const blank = await profileErrorOf(() => service.updateProfile("ada", { displayName: "  " }));
    expect(blank.message).toContain("blank");
    const typed = await profileErrorOf(() => service.updateProfile("ada", { displayName: 7 as never }));
    expect(typed.message).toContain("must be a string");
    const url = await profileErrorOf(() => service.updateProfile("ada", { avatarUrl: "ftp://x" }));
    expect(url.message).toContain("https URL");
    expect(url.message).toContain('"ftp://x"');
    const fields = await profileErrorOf(() =>
      service.updateProfile("ada", { email: "a@b.c", verified: true } as never),
    );
    expect(fields.message).toContain("email, verified");
  });

  test("getProfile of an unknown id names it; a missing field value is shown as undefined", async () => {
    const { service } = profileWorld();
    const error = await profileErrorOf(() => service.getProfile("ghost-42"));
    expect(error).toMatchObject({ code: "UNKNOWN_USER", name: "ProfileError" });
    expect(error.message).toContain('"ghost-42"');
    const missing = await profileErrorOf(() => service.updateProfile("ada", { bio: undefined }));
    expect(missing.message).toContain("undefined");
  });
});
