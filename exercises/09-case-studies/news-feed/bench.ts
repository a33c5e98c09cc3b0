/**
 * How the feed is measured. Reads are what a feed service spends its time on (the platform this track sizes
 * serves 5 billion feed requests a day against 500 million posts), so reads are what is timed: a
 * reader who follows 100 ordinary accounts (1,000 pushed entries kept of 1,500) and 5 pulled ones
 * (1,000 posts), 2,000 candidates in all, read in pages of 20.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/news-feed";

type FeedApi = typeof Api;

const MINUTE = 60_000;

/** The bench's feed and a clock that moves a second at each read. */
function populatedFeed(api: FeedApi): { feed: Api.NewsFeed; tick: () => void } {
  let now = Date.UTC(2026, 0, 5, 9);
  const feed = new api.NewsFeed({ pullThreshold: 50, clock: () => now });
  const ordinary = Array.from({ length: 100 }, (_, i) => `friend-${i}`);
  const celebrities = Array.from({ length: 5 }, (_, i) => `celebrity-${i}`);
  for (const author of ordinary) {
    for (const fan of ["reader", `${author}-fan-a`, `${author}-fan-b`]) feed.follow(fan, author);
  }
  for (const author of celebrities) {
    feed.follow("reader", author);
    for (let j = 0; j < 59; j++) feed.follow(`${author}-fan-${j}`, author);
  }
  const types = ["text", "image", "video"] as const;
  for (let i = 0; i < 2_500; i++) {
    const author = i % 5 < 3 ? ordinary[i % 100] : celebrities[i % 5];
    feed.publish({ postId: `post-${i}`, authorId: author as string, contentType: types[i % 3] as Api.ContentType });
    now += 5 * MINUTE;
  }
  return { feed, tick: () => (now += 1_000) };
}

export default defineBench<FeedApi>({
  workloads: [
    {
      kind: "throughput",
      name: "first page, 2,000 candidates",
      unit: "feed reads",
      setup: (api) => {
        const { feed, tick } = populatedFeed(api);
        return () => {
          tick();
          return feed.readFeed("reader", { limit: 20 });
        };
      },
    },
    {
      kind: "throughput",
      name: "page 26 of a traversal",
      unit: "feed reads",
      setup: (api) => {
        const { feed, tick } = populatedFeed(api);
        let cursor = feed.readFeed("reader", { limit: 20 }).nextCursor;
        for (let page = 2; page <= 25; page++) cursor = feed.readFeed("reader", { limit: 20, cursor }).nextCursor;
        return () => {
          tick();
          return feed.readFeed("reader", { limit: 20, cursor });
        };
      },
    },
  ],
});
