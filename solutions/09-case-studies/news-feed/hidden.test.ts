/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the target's files behind them, as for the visible tests.
 */
import { codeOf, ensure, messageOf } from "#kata/testing";
import { NewsFeedError } from "./src/errors";
import { NewsFeed, type ContentType, type Post } from "./src/news-feed";
import { postScore } from "./src/score";
import {
  DAY,
  HOUR,
  START,
  ManualClock,
  addFollowers,
  feedOn,
  idsOf,
  inFeedOrder,
  listed,
  readAll,
  repeated,
} from "./feed-test-kit";

function publish(
  feed: Pick<NewsFeed, "publish">,
  postId: string,
  authorId: string,
  contentType: ContentType = "text",
): Post {
  return feed.publish({ postId, authorId, contentType }).post;
}

describe("hidden: defaults and options", () => {
  test("defaults: pullThreshold 10,000, feedLimit 1,000, maxPageSize 100, pages of 20", () => {
    const feed = new NewsFeed();
    expect([feed.pullThreshold, feed.feedLimit, feed.maxPageSize]).toEqual([10_000, 1_000, 100]);
    const { feed: withClock } = feedOn();
    withClock.follow("reader", "ana");
    for (let i = 0; i < 25; i++) publish(withClock, `ana-${i}`, "ana");
    const page = withClock.readFeed("reader");
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
    expect(withClock.readFeed("reader", { limit: 100 }).items).toHaveLength(25);
    expect(codeOf(NewsFeedError, () => withClock.readFeed("reader", { limit: 101 }))).toBe("INVALID_LIMIT");
  });

  test("the options given are kept", () => {
    const feed = new NewsFeed({ pullThreshold: 7, feedLimit: 30, maxPageSize: 5, clock: () => START });
    expect([feed.pullThreshold, feed.feedLimit, feed.maxPageSize]).toEqual([7, 30, 5]);
    expect(feed.readFeed("x", { limit: 5 }).rankedAt).toBe(START);
  });

  test("messages name what was wrong", () => {
    const { feed } = feedOn();
    expect(messageOf(NewsFeedError, () => new NewsFeed({ pullThreshold: -4 }))).toMatch(
      /pullThreshold.*-4|-4.*pullThreshold/,
    );
    expect(messageOf(NewsFeedError, () => new NewsFeed({ maxPageSize: 2.5 }))).toMatch(/maxPageSize/);
    expect(messageOf(NewsFeedError, () => feed.readFeed("reader", { limit: 0 }))).toContain("0");
    expect(messageOf(NewsFeedError, () => feed.follow("zoe", "zoe"))).toContain("zoe");
    publish(feed, "post-77", "ana");
    expect(messageOf(NewsFeedError, () => publish(feed, "post-77", "bo"))).toContain("post-77");
    expect(messageOf(NewsFeedError, () => publish(feed, "p", "ana", "gif" as ContentType))).toContain("gif");
  });

  test("every refusal names the value that was wrong", () => {
    const { feed } = feedOn();
    const says = (act: () => unknown, ...parts: string[]): void => {
      const message = messageOf(NewsFeedError, act);
      for (const part of parts) {
        ensure(message.includes(part), `the message ${JSON.stringify(message)} should name ${JSON.stringify(part)}`);
      }
    };
    says(() => feed.follow("", "ana"), '""');
    says(() => feed.readFeed(42 as unknown as string), "42");
    says(() => feed.publish({ postId: "", authorId: "ana", contentType: "text" }), '""');
    says(() => feed.publish({ postId: 9 as unknown as string, authorId: "ana", contentType: "text" }), "9");
    says(() => feed.publish(null as unknown as Parameters<NewsFeed["publish"]>[0]), "null");
    says(() => new NewsFeed({ clock: 5 as unknown as () => number }), "clock", "5");
    says(() => new NewsFeed({ feedLimit: "10" as unknown as number }), "feedLimit", '"10"');
    says(() => feed.readFeed("reader", { limit: 2.5 }), "2.5");
    says(() => feed.readFeed("reader", { limit: NaN }), "NaN");
    says(() => feed.follow({ id: 1 } as unknown as string, "ana"), '{"id":1}'); // not [object Object]
    says(() => feed.readFeed("reader", { cursor: "junk" }), "junk");
    says(() => feed.readFeed("reader", { cursor: 42 as unknown as string }), "42");
    says(() => postScore({ createdAt: START, authorFollowers: 0, contentType: "text" }, NaN), "NaN");
    says(() => postScore({ createdAt: START, authorFollowers: 0, contentType: "text" }, START - 5), `${START - 5}`);
  });

  test("publish refuses a missing post object", () => {
    const { feed } = feedOn();
    for (const missing of [undefined, null, "post-1"]) {
      expect(codeOf(NewsFeedError, () => feed.publish(missing as unknown as Parameters<NewsFeed["publish"]>[0]))).toBe(
        "INVALID_POST_ID",
      );
    }
  });

  test("1 is a valid value for every option", () => {
    const { feed } = feedOn({ pullThreshold: 1, feedLimit: 1, maxPageSize: 1 });
    feed.follow("reader", "ana");
    const receipt = feed.publish({ postId: "ana-1", authorId: "ana", contentType: "text" });
    expect(receipt.delivery).toBe("pull");
    expect(feed.readFeed("reader", { limit: 1 })).toMatchObject({ nextCursor: null });
    expect(idsOf(feed.readFeed("reader", { limit: 1 }).items)).toEqual(["ana-1"]);
  });
});

describe("hidden: follows", () => {
  test("follow and unfollow say whether they changed anything; following again keeps the first follow", () => {
    const { feed } = feedOn({ pullThreshold: 2 });
    expect(feed.follow("reader", "celeb")).toBe(true);
    feed.follow("other", "celeb");
    publish(feed, "celeb-1", "celeb"); // pulled, after reader's follow
    expect(feed.follow("reader", "celeb")).toBe(false);
    ensure(
      JSON.stringify(idsOf(feed.readFeed("reader").items)) === JSON.stringify(["celeb-1"]),
      `following celeb a second time hid celeb-1, published after the first follow: a follow that is already there changes nothing`,
    );
    expect(feed.followerCount("celeb")).toBe(2);
    expect(feed.unfollow("reader", "nobody")).toBe(false);
    expect(feed.unfollow("reader", "celeb")).toBe(true);
    expect(feed.unfollow("reader", "celeb")).toBe(false);
    expect(feed.followerCount("celeb")).toBe(1);
    expect(feed.followerCount("unknown")).toBe(0);
    expect(feed.storedFeedSize("unknown")).toBe(0);
    expect(feed.unfollow("ghost", "celeb")).toBe(false);
  });

  test("unfollowing a pulled author works for a reader with no stored feed at all", () => {
    const { feed } = feedOn({ pullThreshold: 1 });
    feed.follow("reader", "celeb");
    publish(feed, "celeb-1", "celeb");
    expect(feed.storedFeedSize("reader")).toBe(0);
    expect(idsOf(feed.readFeed("reader").items)).toEqual(["celeb-1"]);
    expect(feed.unfollow("reader", "celeb")).toBe(true);
    expect(feed.readFeed("reader").items).toEqual([]);
  });

  test("a null cursor starts a traversal from the top, like no cursor", () => {
    const { feed } = feedOn();
    feed.follow("reader", "ana");
    for (let i = 0; i < 3; i++) publish(feed, `ana-${i}`, "ana");
    expect(idsOf(feed.readFeed("reader", { limit: 2, cursor: null }).items)).toEqual(["ana-2", "ana-1"]);
  });

  test("a reader who follows nobody gets an empty page, ranked now, with no cursor", () => {
    const { feed, clock } = feedOn();
    publish(feed, "lonely", "ana");
    clock.advance(5);
    const page = feed.readFeed("reader");
    expect(page).toEqual({ items: [], nextCursor: null, rankedAt: START + 5 });
  });

  test("the author term uses the followers at publication, not the followers now", () => {
    const { feed, clock } = feedOn();
    feed.follow("reader", "ana");
    const post = publish(feed, "ana-1", "ana");
    addFollowers(feed, "ana", 99);
    clock.advance(HOUR);
    const [item] = feed.readFeed("reader").items;
    expect(item?.authorFollowers).toBe(1);
    expect(item?.score).toBe(postScore(post, START + HOUR));
  });
});

describe("hidden: the stored feed's limit", () => {
  test("with the default 1,000: 100 strong posts stay, and the oldest weak ones go", () => {
    const { feed, clock } = feedOn();
    addFollowers(feed, "studio", 98);
    feed.follow("reader", "studio");
    feed.follow("reader", "diary");
    for (let i = 0; i < 100; i++) publish(feed, `strong-${i}`, "studio", "video"); // 18 each
    for (let i = 0; i < 1_000; i++) {
      clock.advance(60_000);
      publish(feed, `weak-${i}`, "diary"); // 10.3 at publication, less as it ages
    }
    expect(feed.storedFeedSize("reader")).toBe(1_000);
    const { ids } = readAll(feed, "reader", 100);
    const kept = new Set(ids);
    const strongKept = ids.filter((id) => id.startsWith("strong-")).length;
    ensure(
      strongKept === 100 && kept.has("weak-999") && !kept.has("weak-99") && kept.has("weak-100"),
      `after 1,100 writes the 1,000 entries kept hold ${strongKept} of the 100 strong posts (score 17 and more); ` +
        `the entry dropped at each write is the one ranked last at that instant (the oldest weak post), not the oldest entry`,
    );
    expect(ids).toHaveLength(1_000);
  });

  test("trimming ranks at the write's instant: an old video has fallen below a text post it once led", () => {
    const { feed, clock } = feedOn({ feedLimit: 2 });
    feed.follow("reader", "clips");
    addFollowers(feed, "newsroom", 98);
    feed.follow("reader", "newsroom");
    publish(feed, "clip", "clips", "video"); // 15.45 now, 3.45 on day 8
    publish(feed, "headline", "newsroom", "text"); // 12 now, 4 on day 8
    clock.advance(8 * DAY);
    publish(feed, "fresh", "clips", "text"); // 10.3
    const ids = idsOf(feed.readFeed("reader").items);
    ensure(
      JSON.stringify(ids) === JSON.stringify(["fresh", "headline"]),
      `on day 8 a third write dropped the wrong entry: the feed is ${listed(ids)}, expected [fresh, headline]; ` +
        `the clip leads at publication but is ranked last at the write's instant (3.45 against 4)`,
    );
  });

  test("an unfollow frees room, and entries pushed later fill it", () => {
    const { feed } = feedOn({ feedLimit: 3 });
    feed.follow("reader", "ana");
    feed.follow("reader", "bo");
    for (let i = 0; i < 3; i++) publish(feed, `ana-${i}`, "ana");
    publish(feed, "bo-0", "bo");
    expect(feed.storedFeedSize("reader")).toBe(3);
    feed.unfollow("reader", "ana");
    expect(feed.storedFeedSize("reader")).toBeLessThanOrEqual(1);
    publish(feed, "bo-1", "bo");
    publish(feed, "bo-2", "bo");
    expect(idsOf(feed.readFeed("reader").items).filter((id) => id.startsWith("bo-"))).toEqual(
      idsOf(feed.readFeed("reader").items),
    );
    expect(feed.storedFeedSize("reader")).toBeLessThanOrEqual(3);
  });
});

describe("hidden: traversals", () => {
  test("a traversal stops at exactly feedLimit posts", () => {
    const { feed } = feedOn({ feedLimit: 4 });
    feed.follow("reader", "ana");
    for (let i = 0; i < 4; i++) publish(feed, `ana-${i}`, "ana");
    expect(readAll(feed, "reader", 2).pages.map((p) => p.items.length)).toEqual([2, 2]);
    expect(readAll(feed, "reader", 4).pages.map((p) => p.items.length)).toEqual([4]);
    expect(readAll(feed, "reader", 3).pages.map((p) => p.items.length)).toEqual([3, 1]);
  });

  test("with more candidates than feedLimit, the last page ends at the limit", () => {
    const { feed } = feedOn({ feedLimit: 5, pullThreshold: 2 });
    feed.follow("reader", "celeb");
    feed.follow("other", "celeb");
    feed.follow("reader", "ana");
    for (let i = 0; i < 4; i++) {
      publish(feed, `celeb-${i}`, "celeb");
      publish(feed, `ana-${i}`, "ana");
    }
    const shape = readAll(feed, "reader", 2).pages.map((p) => [p.items.length, p.nextCursor === null]);
    ensure(
      JSON.stringify(shape) ===
        JSON.stringify([
          [2, false],
          [2, false],
          [1, true],
        ]),
      `8 candidates with feedLimit 5 in pages of 2 gave pages ${JSON.stringify(shape)} ([size, last]); ` +
        `a traversal serves at most feedLimit posts, so the third page holds 1 and has no next cursor`,
    );
  });

  test("a cursor is a position: reading it again, later, after new posts, gives the same page", () => {
    const { feed, clock } = feedOn({ pullThreshold: 3 });
    addFollowers(feed, "celeb", 2);
    feed.follow("reader", "celeb");
    feed.follow("reader", "ana");
    for (let i = 0; i < 6; i++) {
      publish(feed, `celeb-${i}`, "celeb", "video");
      publish(feed, `ana-${i}`, "ana", "image");
      clock.advance(9 * HOUR);
    }
    const cursor = feed.readFeed("reader", { limit: 4 }).nextCursor as string;
    const first = feed.readFeed("reader", { limit: 4, cursor });
    clock.advance(6 * DAY);
    publish(feed, "ana-late", "ana", "video");
    publish(feed, "celeb-late", "celeb", "video");
    const again = feed.readFeed("reader", { limit: 4, cursor });
    expect(idsOf(again.items)).toEqual(idsOf(first.items));
    expect(again.items.map((i) => i.score)).toEqual(first.items.map((i) => i.score));
    expect(again.rankedAt).toBe(first.rankedAt);
  });

  test("an unfollow between pages: the rest of the traversal holds the others' posts, none twice, none skipped", () => {
    const { feed, clock } = feedOn({ pullThreshold: 3 });
    addFollowers(feed, "celeb", 2);
    for (const author of ["celeb", "ana", "bo"]) feed.follow("reader", author);
    const posts: Post[] = [];
    for (let i = 0; i < 5; i++) {
      for (const [author, type] of [
        ["celeb", "image"],
        ["ana", "text"],
        ["bo", "video"],
      ] as const) {
        posts.push(publish(feed, `${author}-${i}`, author, type));
      }
      clock.advance(13 * HOUR);
    }
    const traversal = readAll(feed, "reader", 4, (pagesRead) => {
      if (pagesRead === 1) feed.unfollow("reader", "ana");
    });
    const ranked = idsOf(inFeedOrder(posts, traversal.pages[0]?.rankedAt ?? 0));
    const firstPage = ranked.slice(0, 4);
    const expected = [...firstPage, ...ranked.slice(4).filter((id) => !id.startsWith("ana-"))];
    ensure(
      JSON.stringify(traversal.ids) === JSON.stringify(expected),
      `with ana unfollowed after page 1 the traversal gave ${listed(traversal.ids)} (repeated ` +
        `${listed(repeated(traversal.ids))}); expected ${listed(expected)}: a cursor continues after a post, ` +
        `so removing posts never shifts the next page`,
    );
  });

  test("the feed's time never runs backwards: a clock stepping back reads as the latest instant seen", () => {
    const clock = new ManualClock();
    const feed = new NewsFeed({ clock: clock.read });
    feed.follow("reader", "ana");
    clock.now = START + DAY;
    publish(feed, "ana-1", "ana");
    clock.now = START; // an NTP step back
    const post = publish(feed, "ana-2", "ana");
    expect(post.createdAt).toBe(START + DAY);
    const page = feed.readFeed("reader", { limit: 1 });
    expect(page.rankedAt).toBe(START + DAY);
    expect(idsOf(page.items)).toEqual(["ana-2"]);
    const next = feed.readFeed("reader", { limit: 1, cursor: page.nextCursor });
    expect(idsOf(next.items)).toEqual(["ana-1"]);
    expect(next.items[0]?.score).toBe(page.items[0]?.score); // both published at the latest instant
  });

  test("pulled posts from several authors and pushed ones interleave by score across pages", () => {
    const { feed, clock } = feedOn({ pullThreshold: 2 });
    for (const celeb of ["c1", "c2"]) {
      feed.follow("reader", celeb);
      feed.follow(`fan-${celeb}`, celeb);
    }
    feed.follow("reader", "pal");
    const posts: Post[] = [];
    const types: ContentType[] = ["text", "image", "video"];
    for (let i = 0; i < 12; i++) {
      posts.push(publish(feed, `p${i}`, ["c1", "c2", "pal"][i % 3] as string, types[(i * 7) % 3]));
      clock.advance((i % 4) * 5 * HOUR);
    }
    clock.advance(2 * DAY);
    const { ids } = readAll(feed, "reader", 5);
    expect(ids).toEqual(idsOf(inFeedOrder(posts, clock.now)));
  });

  test("a cursor from a feed with fewer posts is refused, and so is a cursor read by another user", () => {
    const { feed } = feedOn();
    feed.follow("reader", "ana");
    for (let i = 0; i < 3; i++) publish(feed, `ana-${i}`, "ana");
    const cursor = feed.readFeed("reader", { limit: 1 }).nextCursor as string;
    const smaller = new NewsFeed({ clock: () => START });
    smaller.follow("reader", "ana");
    publish(smaller, "only", "ana");
    expect(codeOf(NewsFeedError, () => smaller.readFeed("reader", { cursor }))).toBe("INVALID_CURSOR");
    expect(codeOf(NewsFeedError, () => feed.readFeed("someone-else", { cursor }))).toBe("INVALID_CURSOR");
    expect(codeOf(NewsFeedError, () => feed.readFeed("reader", { cursor: 42 as unknown as string }))).toBe(
      "INVALID_CURSOR",
    );
  });
});
