import { codeOf, ensure } from "#kata/testing";
import { CdnError } from "./src/errors";
import { Cdn, type EdgeLocation, type GeoPoint, type OriginServer } from "./src/cdn";

const CITY = {
  london: { lat: 51.5074, lon: -0.1278 },
  newYork: { lat: 40.7128, lon: -74.006 },
  tokyo: { lat: 35.6762, lon: 139.6503 },
  auckland: { lat: -36.8485, lon: 174.7633 },
  saoPaulo: { lat: -23.5505, lon: -46.6333 },
  paris: { lat: 48.8566, lon: 2.3522 },
} satisfies Record<string, GeoPoint>;

function edge(id: keyof typeof CITY, overrides: Partial<EdgeLocation> = {}): EdgeLocation {
  return { id, location: CITY[id], cacheItems: 10, maxRequestsPerSecond: 1_000, ...overrides };
}

/** An origin that counts its fetches and related() calls; items are 1,000 bytes, "missing:*" do not exist. */
function countingOrigin(
  related: Record<string, string[]> = {},
): OriginServer & { fetches: string[]; relatedAsked: string[] } {
  const fetches: string[] = [];
  const relatedAsked: string[] = [];
  return {
    fetches,
    relatedAsked,
    fetch: (id) => {
      fetches.push(id);
      return id.startsWith("missing:") ? undefined : 1_000;
    },
    related: (id) => {
      relatedAsked.push(id);
      return related[id] ?? [];
    },
  };
}

/** The message of the CdnError that `act` throws. */
function messageOf(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    if (error instanceof CdnError) return error.message;
    throw error;
  }
  throw new Error("expected a CdnError, but the call returned normally");
}

/** A message's words: split at spaces, punctuation between words, quotes and brackets. */
function wordsOf(message: string): string[] {
  return message.split(/[\s,;:()[\]{}"'`]+|[.!?](?=\s|$)/).filter((word) => word !== "");
}

const WORLD = [edge("london"), edge("newYork"), edge("tokyo"), edge("auckland"), edge("saoPaulo")];

describe("routing", () => {
  test("a client is served by the nearest edge, by great-circle distance", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin(), clock: () => 0 });
    const fromParis = cdn.request("video:1", CITY.paris);
    expect(fromParis.servedBy).toBe("london");
    ensure(
      Math.abs(fromParis.distanceKm - 344) < 5,
      `Paris to London is about 344 km on a sphere of radius 6371 km; got ${fromParis.distanceKm.toFixed(1)} km`,
    );
    expect(cdn.request("video:1", { lat: 35.0, lon: 135.7 }).servedBy).toBe("tokyo");
  });

  test("across the antimeridian: a client at 178 degrees west is nearest to Auckland at 175 east", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin(), clock: () => 0 });
    const served = cdn.request("video:1", { lat: -20, lon: -178 });
    ensure(
      served.servedBy === "auckland",
      `served by ${served.servedBy}: longitudes -178 and 174.8 are 7 degrees apart across the 180th meridian, not 353. Latitude and longitude are not a plane: use the great-circle distance.`,
    );
  });

  test("nearestEdges lists healthy edges nearest first, with distances", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin() });
    const ranked = cdn.nearestEdges(CITY.paris, 3);
    expect(ranked.map((e) => e.id)).toEqual(["london", "newYork", "saoPaulo"]);
    expect(Math.round(ranked[1]?.distanceKm ?? 0)).toBeGreaterThan(5_800);
    expect(Math.round(ranked[1]?.distanceKm ?? 0)).toBeLessThan(5_900);
  });

  test("a full edge sends the rest of this second's requests to the next nearest, until the next second", () => {
    let now = 5_400; // inside the second [5000, 6000), not at its start
    const cdn = new Cdn({
      edges: [edge("london", { maxRequestsPerSecond: 2 }), edge("newYork")],
      origin: countingOrigin(),
      clock: () => now,
    });
    const servedBy = () => cdn.request("video:1", CITY.paris).servedBy;
    expect([servedBy(), servedBy()]).toEqual(["london", "london"]);
    const third = servedBy();
    ensure(
      third === "newYork",
      `london (maxRequestsPerSecond 2) took a 3rd request in one second (served by ${third}): an edge that has served exactly its limit is full; it has room only while it has served fewer than maxRequestsPerSecond`,
    );
    now = 5_999;
    expect(servedBy()).toBe("newYork");
    now = 6_000;
    const next = servedBy();
    ensure(
      next === "london",
      `at exactly 6000 ms a new second of the clock begins (windows [k x 1000, (k + 1) x 1000)), so london has room again, but ${next} served. Either london's count was not reset because, full, it was skipped and served nothing (reset the count whenever the second changes, served or not), or its window ran from its first request at 5400 instead of from the clock's second`,
    );
  });

  test("capacity counts the requests an edge serves, not the times routing looks at it", () => {
    // Tokyo is listed first: a scan meets it before London, though London is nearer to Paris.
    const cdn = new Cdn({
      edges: [edge("tokyo", { maxRequestsPerSecond: 1 }), edge("london", { maxRequestsPerSecond: 1 })],
      origin: countingOrigin(),
      clock: () => 0,
    });
    expect(cdn.request("video:1", CITY.paris).servedBy).toBe("london");
    const fromOsaka = cdn.request("video:1", { lat: 34.69, lon: 135.5 }).servedBy;
    ensure(
      fromOsaka === "tokyo",
      `tokyo has served nothing this second, yet an Osaka client was sent to ${fromOsaka}: capacity was used up when routing looked at tokyo on its way to london. Count a request only against the edge that serves it, after routing has chosen`,
    );
  });

  test("an unhealthy edge gets no traffic until it is healthy again", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin(), clock: () => 0 });
    cdn.setHealthy("london", false);
    expect(cdn.request("video:1", CITY.paris).servedBy).toBe("newYork");
    expect(cdn.nearestEdges(CITY.paris, 1)[0]?.id).toBe("newYork");
    cdn.setHealthy("london", true);
    expect(cdn.request("video:1", CITY.paris).servedBy).toBe("london");
  });

  test("when no edge can serve, the origin answers directly", () => {
    const origin = countingOrigin();
    const cdn = new Cdn({ edges: [edge("london")], origin, clock: () => 0 });
    cdn.setHealthy("london", false);
    const served = cdn.request("video:9", CITY.paris);
    expect(served).toMatchObject({ status: 200, servedBy: "origin", cacheHit: false, bytes: 1_000 });
    const missing = cdn.request("missing:9", CITY.paris);
    ensure(
      missing.status === 404 && missing.bytes === 0 && missing.servedBy === "origin",
      `with no edge to serve, the origin had no missing:9, yet the answer was ${JSON.stringify(missing)}: the origin's 404 reaches the client as status 404, 0 bytes, servedBy "origin"`,
    );
  });
});

describe("caching at the edge", () => {
  test("a miss fetches from the origin exactly once; the next request is a hit", () => {
    const origin = countingOrigin();
    const cdn = new Cdn({ edges: WORLD, origin, clock: () => 0 });
    expect(cdn.request("video:1", CITY.paris)).toMatchObject({ status: 200, cacheHit: false, bytes: 1_000 });
    expect(cdn.request("video:1", CITY.paris)).toMatchObject({ status: 200, cacheHit: true, bytes: 1_000 });
    ensure(
      origin.fetches.length === 1,
      `the origin was asked ${origin.fetches.length} times for one item at one edge; a miss fetches once`,
    );
  });

  test("each edge has its own cache", () => {
    const origin = countingOrigin();
    const cdn = new Cdn({ edges: WORLD, origin, clock: () => 0 });
    cdn.request("video:1", CITY.paris);
    expect(cdn.request("video:1", { lat: 35.0, lon: 135.7 }).cacheHit).toBe(false);
    expect(origin.fetches).toEqual(["video:1", "video:1"]);
  });

  test("a 404 from the origin is answered and not cached", () => {
    const origin = countingOrigin();
    const cdn = new Cdn({ edges: WORLD, origin, clock: () => 0 });
    expect(cdn.request("missing:1", CITY.paris)).toMatchObject({
      status: 404,
      servedBy: "london",
      cacheHit: false,
      bytes: 0,
    });
    expect(cdn.request("missing:1", CITY.paris)).toMatchObject({ status: 404, cacheHit: false });
    expect(origin.fetches).toHaveLength(2);
  });

  test("the edge cache is an LRU of cacheItems items", () => {
    const origin = countingOrigin();
    const cdn = new Cdn({ edges: [edge("london", { cacheItems: 2 })], origin, clock: () => 0 });
    for (const id of ["a", "b", "a", "c", "a", "b"]) cdn.request(id, CITY.paris);
    expect(origin.fetches).toEqual(["a", "b", "c", "b"]);
  });
});

describe("prefetch", () => {
  test("after a miss, up to prefetchRelated related items are fetched into free room", () => {
    const origin = countingOrigin({ "ep:1": ["ep:2", "ep:3", "ep:4"] });
    const cdn = new Cdn({ edges: [edge("london", { cacheItems: 10 })], origin, prefetchRelated: 2, clock: () => 0 });
    cdn.request("ep:1", CITY.paris);
    expect(origin.fetches).toEqual(["ep:1", "ep:2", "ep:3"]);
    expect(cdn.request("ep:2", CITY.paris).cacheHit).toBe(true);
    expect(cdn.metrics("london").prefetched).toBe(2);
  });

  test("prefetching never evicts: it stops when the cache is full", () => {
    const origin = countingOrigin({ "ep:1": ["ep:2", "ep:3"] });
    const cdn = new Cdn({ edges: [edge("london", { cacheItems: 2 })], origin, prefetchRelated: 5, clock: () => 0 });
    cdn.request("ep:1", CITY.paris);
    const fetched = origin.fetches.join(", ");
    ensure(
      fetched === "ep:1, ep:2",
      `with room for 2 items, the miss of ep:1 fetched [${fetched}], not [ep:1, ep:2]. Store ep:1 first, then prefetch only into the room left. Either prefetching went on into a full cache (a prefetch never evicts), or it ran before ep:1 was stored and took the room ep:1 needed, so storing ep:1 then evicted`,
    );
    expect(cdn.request("ep:1", CITY.paris).cacheHit).toBe(true);
  });

  test("no prefetching unless asked for: the origin is not even asked for related items", () => {
    for (const prefetchRelated of [undefined, 0]) {
      const origin = countingOrigin({ "ep:1": ["ep:2"] });
      const cdn = new Cdn({
        edges: WORLD,
        origin,
        clock: () => 0,
        ...(prefetchRelated === 0 ? { prefetchRelated } : {}),
      });
      cdn.request("ep:1", CITY.paris);
      expect(origin.fetches).toEqual(["ep:1"]);
      ensure(
        origin.relatedAsked.length === 0,
        `prefetchRelated is ${String(prefetchRelated)}, yet the origin was asked for the related items of [${origin.relatedAsked.join(", ")}]: related() is a call to the origin too; with prefetching off, do not make it`,
      );
    }
  });
});

describe("metrics", () => {
  test("per edge: requests, hits, misses, bytes served, origin fetches, prefetched", () => {
    const origin = countingOrigin({ a: ["b"] });
    const cdn = new Cdn({ edges: WORLD, origin, prefetchRelated: 1, clock: () => 0 });
    for (const id of ["a", "a", "b", "missing:x"]) cdn.request(id, CITY.paris);
    expect(cdn.metrics("london")).toEqual({
      requests: 4,
      hits: 2,
      misses: 2,
      bytesServed: 3_000,
      originFetches: 3,
      prefetched: 1,
    });
    expect(cdn.metrics("tokyo")).toEqual({
      requests: 0,
      hits: 0,
      misses: 0,
      bytesServed: 0,
      originFetches: 0,
      prefetched: 0,
    });
  });
});

describe("bad input", () => {
  test.each([[{ lat: 91, lon: 0 }], [{ lat: 0, lon: 200 }], [{ lat: 0, lon: -181 }], [{ lat: Number.NaN, lon: 0 }]])(
    "an edge at %p is INVALID_COORDINATES",
    (location) => {
      expect(
        codeOf(CdnError, () => new Cdn({ edges: [{ ...edge("london"), location }], origin: countingOrigin() })),
      ).toBe("INVALID_COORDINATES");
    },
  );

  test("a client at invalid coordinates is refused", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin() });
    expect(codeOf(CdnError, () => cdn.request("a", { lat: -95, lon: 10 }))).toBe("INVALID_COORDINATES");
  });

  test("duplicate ids and bad capacities are INVALID_EDGE; unknown ids are UNKNOWN_EDGE", () => {
    expect(codeOf(CdnError, () => new Cdn({ edges: [edge("london"), edge("london")], origin: countingOrigin() }))).toBe(
      "INVALID_EDGE",
    );
    expect(codeOf(CdnError, () => new Cdn({ edges: [edge("london", { id: "" })], origin: countingOrigin() }))).toBe(
      "INVALID_EDGE",
    );
    expect(
      codeOf(CdnError, () => new Cdn({ edges: [edge("london", { cacheItems: 0 })], origin: countingOrigin() })),
    ).toBe("INVALID_EDGE");
    expect(
      codeOf(
        CdnError,
        () => new Cdn({ edges: [edge("london", { maxRequestsPerSecond: 1.5 })], origin: countingOrigin() }),
      ),
    ).toBe("INVALID_EDGE");
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin() });
    expect(codeOf(CdnError, () => cdn.setHealthy("mars", false))).toBe("UNKNOWN_EDGE");
    expect(codeOf(CdnError, () => cdn.metrics("mars"))).toBe("UNKNOWN_EDGE");
  });

  test("an empty content id is INVALID_CONTENT_ID", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin() });
    expect(codeOf(CdnError, () => cdn.request("", CITY.paris))).toBe("INVALID_CONTENT_ID");
  });

  test("a client at invalid coordinates is refused by nearestEdges too", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin() });
    expect(codeOf(CdnError, () => cdn.nearestEdges({ lat: 0, lon: 181 }))).toBe("INVALID_COORDINATES");
  });

  test("the coordinates messages say whose point it is, the value given, and the ranges", () => {
    const cases = [
      {
        act: () =>
          new Cdn({
            edges: [edge("newYork"), edge("london", { location: { lat: 0, lon: 200 } })],
            origin: countingOrigin(),
          }),
        call: "new Cdn with london at { lat: 0, lon: 200 }",
        whose: /\blondon\b/,
        given: "200",
      },
      {
        act: () => new Cdn({ edges: WORLD, origin: countingOrigin() }).request("a", { lat: -95, lon: 10 }),
        call: 'request("a", { lat: -95, lon: 10 })',
        whose: /\bclient\b/i,
        given: "-95",
      },
      {
        act: () => new Cdn({ edges: WORLD, origin: countingOrigin() }).nearestEdges({ lat: 0, lon: 181 }),
        call: "nearestEdges({ lat: 0, lon: 181 })",
        whose: /\bclient\b/i,
        given: "181",
      },
    ];
    for (const { act, call, whose, given } of cases) {
      const message = messageOf(act);
      ensure(
        whose.test(message) && wordsOf(message).includes(given) && /90/.test(message) && /180/.test(message),
        `${call} said ${JSON.stringify(message)}: say whose point it is (${String(whose)}: an edge, by its id, or the client), the value given (${given}), and the ranges allowed (latitude [-90, 90], longitude [-180, 180])`,
      );
    }
  });

  test("the INVALID_EDGE messages name the edge and what is wrong with it", () => {
    const twice = messageOf(() => new Cdn({ edges: [edge("london"), edge("london")], origin: countingOrigin() }));
    ensure(
      wordsOf(twice).includes("london") && /twice|duplicate|more than once|already/i.test(twice),
      `two edges with id london: the message ${JSON.stringify(twice)} should name london and say that it is used twice (a duplicate)`,
    );
    const capacity = messageOf(() => new Cdn({ edges: [edge("london", { cacheItems: 0 })], origin: countingOrigin() }));
    const words = wordsOf(capacity);
    ensure(
      words.includes("london") &&
        words.includes("cacheItems") &&
        words.includes("0") &&
        /positive integer/i.test(capacity),
      `london with cacheItems 0: the message ${JSON.stringify(capacity)} should name the edge (london), the field (cacheItems), the value given (0) and what is allowed (a positive integer)`,
    );
  });

  test("the UNKNOWN_EDGE message names the id and lists the edges there are, one by one", () => {
    const cdn = new Cdn({ edges: [edge("tokyo"), edge("london")], origin: countingOrigin() });
    for (const act of [() => cdn.metrics("mars"), () => cdn.setHealthy("mars", false)]) {
      const message = messageOf(act);
      const words = wordsOf(message);
      ensure(
        ["mars", "tokyo", "london"].every((word) => words.includes(word)),
        `an unknown edge "mars" on a CDN of tokyo and london said ${JSON.stringify(message)}: name the unknown id and each edge there is as a word of its own (e.g. separated by commas)`,
      );
    }
  });

  test("the INVALID_CONTENT_ID message says content ids must be non-empty", () => {
    const cdn = new Cdn({ edges: WORLD, origin: countingOrigin() });
    const message = messageOf(() => cdn.request("", CITY.paris));
    expect(message).toMatch(/empty/i);
  });
});
