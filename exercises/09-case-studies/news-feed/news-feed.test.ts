import fc from "fast-check";
import { codeOf, ensure, messageOf, propertySettings } from "#kata/testing";
import { NewsFeedError } from "./src/errors";
import { NewsFeed, type ContentType, type Post } from "./src/news-feed";
import { postScore } from "./src/score";
import {
  DAY,
  FeedModel,
  HOUR,
  START,
  addFollowers,
  expectedScore,
  feedOn,
  idsOf,
  inFeedOrder,
  listed,
  readAll,
  repeated,
} from "./feed-test-kit";

function publish(feed: NewsFeed, postId: string, authorId: string, contentType: ContentType = "text"): Post {
  return feed.publish({ postId, authorId, contentType }).post;
}

/** The ids of `user`'s whole feed, read in one page of up to 100. */
function feedIds(feed: NewsFeed, user: string): string[] {
  return idsOf(feed.readFeed(user, { limit: 100 }).items);
}

describe("postScore", () => {
  const at = START;
  const cases: [number, ContentType, number][] = [
    [0, "text", 10],
    [9, "text", 11],
    [99, "image", 14.4],
    [999, "video", 19.5],
    [99_999, "text", 15],
    [5_000_000, "video", 22.5], // the author term is capped at 5
  ];

  test.each(cases)(
    "at publication: (min(log10(followers + 1), 5) + 10) x boost, for %i followers and %s",
    (authorFollowers, contentType, expected) => {
      const score = postScore({ createdAt: at, authorFollowers, contentType }, at);
      ensure(
        Math.abs(score - expected) < 1e-9,
        `postScore of a ${contentType} post by an author with ${authorFollowers} followers, at its publication, gave ${score}; ` +
          `expected ${expected} = (min(log10(${authorFollowers} + 1), 5) + 10) x ${contentType === "text" ? 1 : contentType === "image" ? 1.2 : 1.5}`,
      );
    },
  );

  test("recency is measured at the instant asked: 10 at publication, one point less a day, 0 from ten days on", () => {
    const post = { createdAt: START, authorFollowers: 9, contentType: "image" as const };
    for (const [age, recency] of [
      [0, 10],
      [12 * HOUR, 9.5],
      [2 * DAY, 8],
      [9.5 * DAY, 0.5],
      [10 * DAY, 0],
      [30 * DAY, 0],
    ] as const) {
      const score = postScore(post, START + age);
      const expected = (1 + recency) * 1.2;
      ensure(
        Math.abs(score - expected) < 1e-9,
        `postScore(post, createdAt + ${age / HOUR} h) gave ${score}, expected ${expected} = (1 + ${recency}) x 1.2: ` +
          `recency is max(0, 10 - ageHours / 24) with the age at the instant asked, not frozen at publish (where it is always 10)`,
      );
    }
  });

  test("posts with the same fields get exactly the same score (so their tie is decided by sequence, not by rounding)", () => {
    const a = { createdAt: START - 3 * HOUR, authorFollowers: 41, contentType: "video" as const };
    expect(postScore(a, START + 5 * DAY)).toBe(postScore({ ...a }, START + 5 * DAY));
    expect(postScore(a, START)).toBe(expectedScore(a, START));
  });
});

describe("delivery: push for ordinary authors, pull from pullThreshold followers", () => {
  test("an ordinary author's post is written into every follower's stored feed, and only theirs", () => {
    const { feed } = feedOn({ pullThreshold: 10 });
    const fans = addFollowers(feed, "ana", 3);
    const receipt = feed.publish({ postId: "ana-1", authorId: "ana", contentType: "image" });
    expect(receipt.delivery).toBe("push");
    expect(receipt.feedWrites).toBe(3);
    for (const fan of fans) {
      expect(feed.storedFeedSize(fan)).toBe(1);
      expect(feedIds(feed, fan)).toEqual(["ana-1"]);
    }
    expect(feedIds(feed, "stranger")).toEqual([]);
  });

  test("a post records its author's followers, the clock and its sequence when it is published", () => {
    const { feed, clock } = feedOn();
    addFollowers(feed, "ana", 4);
    clock.advance(90_000);
    publish(feed, "first", "bo");
    const post = publish(feed, "second", "ana", "video");
    expect(post).toMatchObject({ postId: "second", authorId: "ana", contentType: "video", authorFollowers: 4 });
    expect(post.createdAt).toBe(START + 90_000);
    expect(post.sequence).toBe(2);
    feed.follow("late", "ana");
    expect(feed.followerCount("ana")).toBe(5);
    expect(feedIds(feed, "fan-of-ana-0")).toEqual(["second"]);
    expect(feed.readFeed("fan-of-ana-0").items[0]?.authorFollowers).toBe(4);
  });

  test("an author with exactly pullThreshold followers is pulled; one follower fewer is pushed", () => {
    const { feed } = feedOn({ pullThreshold: 3 });
    const smallFans = addFollowers(feed, "small", 2);
    const bigFans = addFollowers(feed, "big", 3);
    const small = feed.publish({ postId: "small-1", authorId: "small", contentType: "text" });
    const big = feed.publish({ postId: "big-1", authorId: "big", contentType: "text" });
    ensure(
      small.delivery === "push" && small.feedWrites === 2,
      `an author with 2 followers (pullThreshold 3) must be pushed to both: got ${small.delivery} with ${small.feedWrites} writes`,
    );
    ensure(
      big.delivery === "pull" && big.feedWrites === 0,
      `an author with exactly pullThreshold (3) followers must be pulled at read time, with no feed writes: ` +
        `got ${big.delivery} with ${big.feedWrites} writes (the threshold counts: followers >= pullThreshold)`,
    );
    for (const fan of bigFans) {
      expect(feed.storedFeedSize(fan)).toBe(0);
      expect(feedIds(feed, fan)).toEqual(["big-1"]);
    }
    expect(feedIds(feed, smallFans[0] as string)).toEqual(["small-1"]);
  });

  test("an author crossing the threshold: posts pushed before and pulled after each appear once", () => {
    const { feed, clock } = feedOn({ pullThreshold: 3 });
    feed.follow("reader", "rising");
    feed.follow("u1", "rising");
    const before = feed.publish({ postId: "before", authorId: "rising", contentType: "text" });
    feed.follow("u2", "rising");
    clock.advance(HOUR);
    const during = feed.publish({ postId: "during", authorId: "rising", contentType: "text" });
    feed.unfollow("u2", "rising");
    clock.advance(HOUR);
    const after = feed.publish({ postId: "after", authorId: "rising", contentType: "text" });
    expect([before.delivery, during.delivery, after.delivery]).toEqual(["push", "pull", "push"]);
    const ids = feedIds(feed, "reader");
    ensure(
      repeated(ids).length === 0 && ids.length === 3,
      `reader's feed is ${listed(ids)}; expected after, during and before, each once. Delivery is decided per post ` +
        `when it is published: a post pushed before its author crossed pullThreshold is not pulled as well, and a ` +
        `post pulled while the author was over it is still pulled after they fall back below`,
    );
    expect(ids).toEqual(idsOf(inFeedOrder([before.post, during.post, after.post], clock.now)));
  });

  test("a follower sees the posts published after the follow, pulled or pushed alike", () => {
    const { feed } = feedOn({ pullThreshold: 2 });
    addFollowers(feed, "celeb", 2);
    publish(feed, "friend-old", "friend");
    publish(feed, "celeb-old", "celeb"); // the last post before the follows
    feed.follow("late", "celeb");
    feed.follow("late", "friend");
    let ids = feedIds(feed, "late");
    ensure(
      ids.length === 0,
      `late's feed is ${listed(ids)} right after following: both posts were published before the follow. ` +
        `A pushed post never reached a follower who did not follow yet, so a pulled one published before the ` +
        `follow must not show either, or the two kinds of author behave differently`,
    );
    publish(feed, "celeb-new", "celeb");
    publish(feed, "friend-new", "friend");
    ids = feedIds(feed, "late");
    expect(ids.sort()).toEqual(["celeb-new", "friend-new"]);
  });

  test("unfollow takes the author's posts out of the feed, pushed and pulled; following again shows only newer ones", () => {
    const { feed } = feedOn({ pullThreshold: 2 });
    feed.follow("reader", "celeb");
    feed.follow("other", "celeb");
    feed.follow("reader", "friend");
    feed.follow("reader", "stays");
    publish(feed, "celeb-1", "celeb");
    publish(feed, "friend-1", "friend");
    publish(feed, "stays-1", "stays");
    expect(feed.storedFeedSize("reader")).toBe(2);
    expect(feed.unfollow("reader", "celeb")).toBe(true);
    expect(feed.unfollow("reader", "friend")).toBe(true);
    let ids = feedIds(feed, "reader");
    ensure(
      ids.length === 1 && ids[0] === "stays-1" && feed.storedFeedSize("reader") === 1,
      `after unfollowing celeb and friend, reader's feed is ${listed(ids)} with ${feed.storedFeedSize("reader")} ` +
        `stored entries; expected [stays-1] and 1. Unfollow must remove the author's pushed entries from the ` +
        `stored feed, not only stop new ones`,
    );
    feed.follow("reader", "celeb");
    feed.follow("reader", "friend");
    ids = feedIds(feed, "reader");
    ensure(ids.length === 1, `after unfollow and follow again, reader's feed is ${listed(ids)}: old posts came back`);
    publish(feed, "friend-2", "friend");
    expect(feedIds(feed, "reader").sort()).toEqual(["friend-2", "stays-1"]);
  });
});

/** A text post by an author with 99 followers, and a video by one with 1, published together: the
 * video leads (15.45 to 12) until day 6.9, when its faster decay puts the text ahead. */
function crossingPair(feed: NewsFeed): void {
  addFollowers(feed, "newsroom", 98);
  feed.follow("reader", "newsroom");
  feed.follow("reader", "clips");
  publish(feed, "headline", "newsroom", "text");
  publish(feed, "clip", "clips", "video");
}

describe("ranking", () => {
  test("a page ranks pushed and pulled posts together by score at the read instant; ties newest first", () => {
    const { feed, clock } = feedOn({ pullThreshold: 3 });
    addFollowers(feed, "celeb", 2);
    for (const author of ["celeb", "ana", "bo"]) feed.follow("reader", author);
    addFollowers(feed, "bo", 9);
    const posts: Post[] = [];
    const plan: [string, ContentType, number][] = [
      ["celeb", "video", 0],
      ["ana", "text", 5 * HOUR],
      ["bo", "image", 20 * HOUR],
      ["ana", "video", 0],
      ["celeb", "text", 2 * DAY],
      ["bo", "text", 0],
      ["bo", "text", 0],
    ];
    plan.forEach(([author, type, wait], i) => {
      clock.advance(wait);
      posts.push(publish(feed, `p${i}`, author, type));
    });
    clock.advance(DAY);
    const page = feed.readFeed("reader", { limit: 10 });
    const expected = idsOf(inFeedOrder(posts, clock.now));
    ensure(
      JSON.stringify(idsOf(page.items)) === JSON.stringify(expected),
      `reader's page is ${listed(idsOf(page.items))}; ranked by score at the read instant (higher first, ` +
        `equal scores the later-published first), pushed and pulled together, it is ${listed(expected)}`,
    );
    expect(page.rankedAt).toBe(clock.now);
    for (const item of page.items) expect(item.score).toBe(postScore(item, page.rankedAt));
  });

  test("each new traversal ranks at its own instant: the video leads on day 0, the text post on day 8", () => {
    const { feed, clock } = feedOn();
    crossingPair(feed);
    expect(feedIds(feed, "reader")).toEqual(["clip", "headline"]);
    clock.advance(8 * DAY);
    const ids = feedIds(feed, "reader");
    ensure(
      ids[0] === "headline",
      `on day 8 reader's new traversal is ${listed(ids)}; the video's score fell to 3.45 and the text's to 4 ` +
        `(scores are worked out at the read instant, not frozen at publish), so the text comes first`,
    );
  });
});

describe("the top feedLimit kept", () => {
  test("a stored feed keeps feedLimit entries, dropping the one ranked last at the write's instant", () => {
    const { feed, clock } = feedOn({ feedLimit: 3 });
    addFollowers(feed, "star", 98);
    feed.follow("reader", "star");
    feed.follow("reader", "quiet");
    for (let i = 1; i <= 3; i++) {
      publish(feed, `star-${i}`, "star");
      clock.advance(HOUR);
    }
    // quiet-1 scores 10.30 (1 follower), each star post about 11.9 (99 followers): quiet-1 goes.
    publish(feed, "quiet-1", "quiet");
    let ids = feedIds(feed, "reader").sort();
    ensure(
      feed.storedFeedSize("reader") === 3 && JSON.stringify(ids) === JSON.stringify(["star-1", "star-2", "star-3"]),
      `with feedLimit 3, reader's feed after a 4th write is ${listed(ids)} (${feed.storedFeedSize("reader")} ` +
        `stored); the entry to drop is the one ranked last at that instant (quiet-1, 10.30 against 11.9), not the ` +
        `oldest (star-1): the top feedLimit are kept`,
    );
    clock.advance(3 * DAY); // the star posts fall to about 9, quiet-2 comes in at 10.30: star-1 goes
    publish(feed, "quiet-2", "quiet");
    ids = feedIds(feed, "reader").sort();
    expect(ids).toEqual(["quiet-2", "star-2", "star-3"]);
  });

  test("a traversal serves at most feedLimit posts, stored and pulled together", () => {
    const { feed, clock } = feedOn({ feedLimit: 5, pullThreshold: 3 });
    addFollowers(feed, "celeb", 2);
    feed.follow("reader", "celeb");
    feed.follow("reader", "friend");
    const posts: Post[] = [];
    for (let i = 0; i < 5; i++) {
      posts.push(publish(feed, `celeb-${i}`, "celeb", "image"));
      posts.push(publish(feed, `friend-${i}`, "friend", i % 2 === 0 ? "video" : "text"));
      clock.advance(7 * HOUR);
    }
    const { ids, pages } = readAll(feed, "reader", 2);
    const expected = idsOf(inFeedOrder(posts, pages[0]?.rankedAt ?? 0)).slice(0, 5);
    ensure(
      JSON.stringify(ids) === JSON.stringify(expected),
      `with feedLimit 5 the traversal served ${listed(ids)}; expected the top 5 at its instant, ${listed(expected)}, ` +
        `then a null nextCursor: 5 pushed entries and 5 pulled posts make 10 candidates, and a traversal serves at most feedLimit`,
    );
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
  });
});

describe("cursor pagination", () => {
  test("the pages of a traversal make up the whole ranking; the last page has no cursor", () => {
    const { feed, clock } = feedOn();
    feed.follow("reader", "ana");
    const posts: Post[] = [];
    for (let i = 0; i < 7; i++) {
      posts.push(publish(feed, `ana-${i}`, "ana", (["text", "image", "video"] as const)[i % 3]));
      clock.advance(11 * HOUR);
    }
    const { ids, pages } = readAll(feed, "reader", 3);
    expect(ids).toEqual(idsOf(inFeedOrder(posts, clock.now)));
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    const exact = readAll(feed, "reader", 7);
    ensure(
      exact.pages.length === 1 && exact.pages[0]?.nextCursor === null,
      `7 posts read in pages of 7 gave ${exact.pages.length} pages: when nothing is left, nextCursor is null, ` +
        `not a cursor to an empty page`,
    );
  });

  test("posts that tie across a page boundary are neither skipped nor repeated", () => {
    const { feed, clock } = feedOn();
    feed.follow("reader", "burst");
    feed.follow("reader", "early");
    publish(feed, "early-1", "early", "video");
    clock.advance(HOUR);
    for (let i = 1; i <= 6; i++) publish(feed, `burst-${i}`, "burst"); // same author, type and instant
    clock.advance(HOUR);
    publish(feed, "late-1", "early", "text");
    const { ids } = readAll(feed, "reader", 2);
    const expected = ["early-1", "late-1", "burst-6", "burst-5", "burst-4", "burst-3", "burst-2", "burst-1"];
    const missing = expected.filter((id) => !ids.includes(id));
    ensure(
      missing.length === 0 && repeated(ids).length === 0,
      `the traversal in pages of 2 gave ${listed(ids)}; missing ${listed(missing)}, repeated ${listed(repeated(ids))}. ` +
        `The burst posts tie with the previous page's last post (same score): a cursor must continue after ` +
        `(score, sequence), not after posts with a lower score only`,
    );
    expect(ids).toEqual(expected);
  });

  test("new posts between pages wait for the next traversal: no duplicate, no gap", () => {
    const { feed, clock } = feedOn({ pullThreshold: 3 });
    addFollowers(feed, "studio", 98);
    addFollowers(feed, "celeb", 2);
    for (const author of ["studio", "celeb", "pal"]) feed.follow("reader", author);
    const before: Post[] = [];
    for (let i = 0; i < 8; i++) {
      before.push(publish(feed, `studio-${i}`, "studio", "video")); // about 18: above anything new from pal
      clock.advance(20 * 60_000);
    }
    const added: string[] = [];
    const traversal = readAll(feed, "reader", 3, (pagesRead) => {
      clock.advance(10 * 60_000);
      for (const [author, type] of [
        ["studio", "video"],
        ["celeb", "image"],
        ["pal", "text"],
      ] as const) {
        const id = `${author}-new-${pagesRead}`;
        publish(feed, id, author, type);
        added.push(id);
      }
    });
    const leaked = traversal.ids.filter((id) => added.includes(id));
    ensure(
      leaked.length === 0,
      `${listed(leaked)}, published after the traversal's first page, appeared on a later page: a traversal ` +
        `covers only the posts published up to its first page (the newer ones are the next traversal's top)`,
    );
    const expected = idsOf(inFeedOrder(before, traversal.pages[0]?.rankedAt ?? 0));
    ensure(
      JSON.stringify(traversal.ids) === JSON.stringify(expected),
      `with posts arriving between pages the traversal gave ${listed(traversal.ids)} ` +
        `(repeated ${listed(repeated(traversal.ids))}); expected ${listed(expected)}, each once`,
    );
    const fresh = feedIds(feed, "reader");
    expect(added.every((id) => fresh.includes(id))).toBe(true);
  });

  test("the clock moving between pages changes nothing: every page is ranked at the first page's instant", () => {
    const gap = feedOn();
    crossingPair(gap.feed);
    const first = readAll(gap.feed, "reader", 1, () => gap.clock.advance(8 * DAY));
    ensure(
      JSON.stringify(first.ids) === JSON.stringify(["clip", "headline"]),
      `pages of 1 gave ${listed(first.ids)} when the clock moved 8 days after the first page; expected ` +
        `[clip, headline]. Ranked on day 8 the text would come first, so it was skipped (a gap): every page of a ` +
        `traversal is ranked at the first page's instant (rankedAt), whatever the clock says now`,
    );

    // An old video (its score stopped falling at day 10) overtakes a text post still falling.
    const duplicate = feedOn();
    const { feed, clock } = duplicate;
    addFollowers(feed, "archive", 98);
    feed.follow("reader", "archive");
    feed.follow("reader", "diary");
    publish(feed, "reel", "archive", "video");
    publish(feed, "memo", "diary", "text");
    clock.advance(4 * DAY);
    publish(feed, "note", "diary", "text");
    clock.advance(7 * DAY); // reel 3.0, note 3.30, memo 0.30; a day later note is 2.30
    const second = readAll(feed, "reader", 2, () => clock.advance(DAY));
    ensure(
      JSON.stringify(second.ids) === JSON.stringify(["note", "reel", "memo"]),
      `pages of 2 gave ${listed(second.ids)} (repeated ${listed(repeated(second.ids))}) when the clock moved a ` +
        `day after the first page; expected [note, reel, memo]. Ranked a day later, reel comes before note, so ` +
        `note follows the cursor again: every page of a traversal is ranked at the first page's instant (rankedAt)`,
    );
  });

  test("random publishes, follows, unfollows and clock moves: every page is the model's page", () => {
    const authors = ["a0", "a1", "a2", "a3", "a4"];
    const users = ["u0", "u1", "u2", "u3"];
    const types: ContentType[] = ["text", "image", "video"];
    const steps = [0, 1, 60_000, HOUR, 7 * HOUR, DAY, 3 * DAY];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)), { minLength: 20, maxLength: 70 }), (ops) => {
        const { feed, clock } = feedOn({ pullThreshold: 3, feedLimit: 5, maxPageSize: 4 });
        const model = new FeedModel(3, 5);
        const traversals = new Map<
          string,
          { rankedAt: number; lastSequence: number; after: Post; served: number; cursor: string }
        >();
        const log: string[] = [];
        let next = 0;
        for (const [kind, x, y] of ops) {
          const user = users[x % users.length] as string;
          const author = authors[y % authors.length] as string;
          if (kind < 30) {
            const id = `post-${++next}`;
            const receipt = feed.publish({ postId: id, authorId: author, contentType: types[x % 3] as ContentType });
            const delivery = model.publish(receipt.post);
            log.push(`${id} by ${author}: ${delivery}`);
            ensure(
              receipt.delivery === delivery && receipt.post.sequence === next && receipt.post.createdAt === clock.now,
              `${log.join("; ")}: expected ${delivery}, sequence ${next}, createdAt ${clock.now}; got ${JSON.stringify(receipt)}`,
            );
          } else if (kind < 45) {
            feed.follow(user, author);
            model.follow(user, author);
            log.push(`${user} follows ${author}`);
          } else if (kind < 52) {
            feed.unfollow(user, author);
            model.unfollow(user, author);
            log.push(`${user} unfollows ${author}`);
          } else if (kind < 65) {
            clock.advance(steps[x % steps.length] as number);
            log.push(`clock +${steps[x % steps.length]} ms`);
          } else {
            const limit = 1 + (y % 4);
            const going = traversals.get(user);
            const resume = going !== undefined && x % 3 !== 0;
            const page = resume ? feed.readFeed(user, { limit, cursor: going.cursor }) : feed.readFeed(user, { limit });
            const at = resume ? going : { rankedAt: clock.now, lastSequence: model.posts.length, served: 0 };
            const expected = model.page(user, at, resume ? going.after : undefined, at.served, limit);
            log.push(`${user} reads ${limit}${resume ? " more" : ""}: ${listed(idsOf(page.items))}`);
            ensure(
              JSON.stringify(idsOf(page.items)) === JSON.stringify(idsOf(expected.posts)) &&
                (page.nextCursor !== null) === expected.more,
              `after ${log.join("; ")}: expected ${listed(idsOf(expected.posts))}` +
                `${expected.more ? " and a next cursor" : " and no next cursor"} ` +
                `(ranked at ${at.rankedAt - START} ms after the start over posts up to #${at.lastSequence})`,
            );
            const last = expected.posts[expected.posts.length - 1];
            if (page.nextCursor === null || last === undefined) traversals.delete(user);
            else {
              traversals.set(user, {
                rankedAt: at.rankedAt,
                lastSequence: at.lastSequence,
                after: last,
                served: at.served + page.items.length,
                cursor: page.nextCursor,
              });
            }
          }
        }
        for (const user of users) {
          ensure(
            feed.storedFeedSize(user) === model.storedIds(user).length,
            `after ${log.join("; ")}: ${user}'s stored feed has ${feed.storedFeedSize(user)} entries; the model's has ${model.storedIds(user).length}`,
          );
        }
      }),
      propertySettings(60),
    );
  });
});

describe("bad input", () => {
  const refused = (act: () => unknown): string => codeOf(NewsFeedError, act);

  test("options that are not positive integers, and a clock that is not a function, are refused", () => {
    for (const bad of [0, -1, 2.5, NaN, Infinity, "10"]) {
      expect(refused(() => new NewsFeed({ pullThreshold: bad as number }))).toBe("INVALID_OPTION");
      expect(refused(() => new NewsFeed({ feedLimit: bad as number }))).toBe("INVALID_OPTION");
      expect(refused(() => new NewsFeed({ maxPageSize: bad as number }))).toBe("INVALID_OPTION");
    }
    expect(refused(() => new NewsFeed({ clock: 5 as unknown as () => number }))).toBe("INVALID_OPTION");
    expect(messageOf(NewsFeedError, () => new NewsFeed({ feedLimit: 0 }))).toContain("feedLimit");
  });

  test("ids that are not non-empty strings, and following oneself, are refused", () => {
    const { feed } = feedOn();
    for (const bad of ["", 7, undefined, null]) {
      expect(refused(() => feed.follow(bad as string, "ana"))).toBe("INVALID_USER_ID");
      expect(refused(() => feed.follow("ana", bad as string))).toBe("INVALID_USER_ID");
      expect(refused(() => feed.unfollow(bad as string, "ana"))).toBe("INVALID_USER_ID");
      expect(refused(() => feed.readFeed(bad as string))).toBe("INVALID_USER_ID");
      expect(refused(() => feed.followerCount(bad as string))).toBe("INVALID_USER_ID");
      expect(refused(() => feed.storedFeedSize(bad as string))).toBe("INVALID_USER_ID");
      expect(refused(() => feed.publish({ postId: "p", authorId: bad as string, contentType: "text" }))).toBe(
        "INVALID_USER_ID",
      );
    }
    expect(refused(() => feed.follow("ana", "ana"))).toBe("SELF_FOLLOW");
    expect(feed.followerCount("ana")).toBe(0);
  });

  test("a post with a bad id or content type, or an id already published, is refused and changes nothing", () => {
    const { feed } = feedOn();
    feed.follow("reader", "ana");
    for (const bad of ["", 3, undefined]) {
      expect(refused(() => feed.publish({ postId: bad as string, authorId: "ana", contentType: "text" }))).toBe(
        "INVALID_POST_ID",
      );
    }
    for (const bad of ["gif", "", undefined, "Text"]) {
      expect(refused(() => feed.publish({ postId: "p", authorId: "ana", contentType: bad as ContentType }))).toBe(
        "INVALID_CONTENT_TYPE",
      );
    }
    publish(feed, "p", "ana");
    expect(refused(() => feed.publish({ postId: "p", authorId: "bo", contentType: "video" }))).toBe("DUPLICATE_POST");
    expect(feed.storedFeedSize("reader")).toBe(1);
    expect(publish(feed, "q", "ana").sequence).toBe(2);
  });

  test("a limit that is not an integer from 1 to maxPageSize is refused", () => {
    const { feed } = feedOn({ maxPageSize: 50 });
    for (const bad of [0, -2, 51, 2.5, NaN, "20"]) {
      expect(refused(() => feed.readFeed("reader", { limit: bad as number }))).toBe("INVALID_LIMIT");
    }
    expect(feed.readFeed("reader", { limit: 50 }).items).toEqual([]);
    expect(messageOf(NewsFeedError, () => feed.readFeed("reader", { limit: 51 }))).toContain("50");
  });

  test("a cursor this feed did not hand out for this user is refused", () => {
    const { feed } = feedOn();
    for (const author of ["ana", "bo"]) feed.follow("reader", author);
    feed.follow("other", "ana");
    for (let i = 0; i < 4; i++) publish(feed, `ana-${i}`, "ana");
    const cursor = feed.readFeed("reader", { limit: 1 }).nextCursor as string;
    expect(typeof cursor).toBe("string");
    for (const bad of ["", "not a cursor", "eyJ4IjoxfQ"]) {
      expect(refused(() => feed.readFeed("reader", { cursor: bad }))).toBe("INVALID_CURSOR");
    }
    const message = messageOf(NewsFeedError, () => feed.readFeed("other", { cursor }));
    expect(message).toContain("reader");
    expect(refused(() => new NewsFeed().readFeed("reader", { cursor }))).toBe("INVALID_CURSOR");
    expect(idsOf(feed.readFeed("reader", { limit: 1, cursor }).items)).toEqual(["ana-2"]);
  });

  test("postScore at an instant that is not finite, or before the post, is refused", () => {
    const post = { createdAt: START, authorFollowers: 0, contentType: "text" as const };
    for (const bad of [NaN, Infinity, START - 1]) {
      expect(refused(() => postScore(post, bad))).toBe("INVALID_INSTANT");
    }
    expect(postScore(post, START)).toBe(10);
  });
});
