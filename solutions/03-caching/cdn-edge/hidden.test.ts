/**
 * Grading-only: routing against brute force over random points, the poles, ties, capacity at the edges of a second,
 * spill, and bad input from untyped callers.
 */
import fc from "fast-check";
import { codeOf, ensure, propertySettings } from "#kata/testing";
import { Prng } from "#kata/sim";
import { Cdn, type EdgeLocation, type GeoPoint } from "./src/cdn";
import { CdnError } from "./src/errors";

function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const random = new Prng(77);
const somewhere = (): GeoPoint => ({
  lat: (Math.asin(2 * random.next() - 1) * 180) / Math.PI,
  lon: 360 * random.next() - 180,
});

test("2,000 random clients on 60 random edges: always the nearest by haversine, distance within 1 m", () => {
  const edges = Array.from({ length: 60 }, (_, i) => ({
    id: `e${String(i).padStart(2, "0")}`,
    location: somewhere(),
    cacheItems: 5,
    maxRequestsPerSecond: 1e9,
  }));
  const cdn = new Cdn({ edges, origin: { fetch: () => 1 }, clock: () => 0 });
  for (let i = 0; i < 2_000; i++) {
    const client = somewhere();
    const best = edges.map((e) => ({ id: e.id, km: haversineKm(client, e.location) })).sort((a, b) => a.km - b.km)[0];
    const served = cdn.request("x", client);
    ensure(
      served.servedBy === best?.id,
      `client ${JSON.stringify(client)}: served by ${served.servedBy}, nearest is ${best?.id}`,
    );
    ensure(Math.abs(served.distanceKm - (best?.km ?? 0)) < 0.001, `distance ${served.distanceKm} vs ${best?.km}`);
  }
});

test("at the poles and on the antimeridian, distances stay right", () => {
  const cdn = new Cdn({
    edges: [
      { id: "north", location: { lat: 90, lon: 0 }, cacheItems: 1, maxRequestsPerSecond: 10 },
      { id: "east", location: { lat: 0, lon: 180 }, cacheItems: 1, maxRequestsPerSecond: 10 },
    ],
    origin: { fetch: () => 1 },
    clock: () => 0,
  });
  expect(cdn.request("x", { lat: 89, lon: -170 }).servedBy).toBe("north");
  const served = cdn.request("x", { lat: 0, lon: -180 });
  expect(served.servedBy).toBe("east");
  expect(served.distanceKm).toBeLessThan(0.001);
});

test("capacity spills in distance order through every edge, then to the origin", () => {
  const edges = ["a", "b", "c"].map((id, i) => ({
    id,
    location: { lat: 0, lon: i * 10 },
    cacheItems: 1,
    maxRequestsPerSecond: 1,
  }));
  const cdn = new Cdn({ edges, origin: { fetch: () => 1 }, clock: () => 0 });
  const servedBy = Array.from({ length: 4 }, () => cdn.request("x", { lat: 0, lon: 0 }).servedBy);
  expect(servedBy).toEqual(["a", "b", "c", "origin"]);
});

test("equidistant edges: the smaller id wins, whichever is listed first, in routing and in nearestEdges", () => {
  const west = { id: "west", location: { lat: 0, lon: -10 }, cacheItems: 1, maxRequestsPerSecond: 10 };
  const east = { id: "east", location: { lat: 0, lon: 10 }, cacheItems: 1, maxRequestsPerSecond: 10 };
  for (const edges of [
    [west, east],
    [east, west],
  ]) {
    const cdn = new Cdn({ edges, origin: { fetch: () => 1 }, clock: () => 0 });
    const listed = edges.map((e) => e.id).join(", ");
    const served = cdn.request("x", { lat: 0, lon: 0 }).servedBy;
    ensure(
      served === "east",
      `edges listed [${listed}], both 10 degrees from the client: served by ${served}. A tie goes to the smaller id (east), whatever the order the edges were given in`,
    );
    const ranked = cdn.nearestEdges({ lat: 0, lon: 0 }).map((e) => e.id);
    ensure(
      ranked.join(", ") === "east, west",
      `edges listed [${listed}], both 10 degrees from the client: nearestEdges gave [${ranked.join(", ")}]. Equal distances are ordered by id, smaller first`,
    );
  }
});

test("the nearest edge wins whatever its id: ids break only exact ties", () => {
  const cdn = new Cdn({
    edges: [
      { id: "z-near", location: { lat: 0, lon: 1 }, cacheItems: 1, maxRequestsPerSecond: 10 },
      { id: "a-far", location: { lat: 0, lon: 2 }, cacheItems: 1, maxRequestsPerSecond: 10 },
    ],
    origin: { fetch: () => 1 },
    clock: () => 0,
  });
  expect(cdn.request("x", { lat: 0, lon: 0 }).servedBy).toBe("z-near");
  expect(cdn.nearestEdges({ lat: 0, lon: 0 }).map((e) => e.id)).toEqual(["z-near", "a-far"]);
});

test("the poles and the antimeridian themselves are valid places", () => {
  const place = (id: string, lat: number, lon: number): EdgeLocation => ({
    id,
    location: { lat, lon },
    cacheItems: 1,
    maxRequestsPerSecond: 10,
  });
  const cdn = new Cdn({
    edges: [place("south", -90, 0), place("north", 90, 0), place("west", 0, -180), place("east", 0, 180)],
    origin: { fetch: () => 1 },
    clock: () => 0,
  });
  expect(cdn.request("x", { lat: -90, lon: 45 }).servedBy).toBe("south");
  expect(cdn.request("x", { lat: 90, lon: -180 }).servedBy).toBe("north");
  expect(cdn.nearestEdges({ lat: -90, lon: 180 }, 1)[0]?.id).toBe("south");
});

test("a prefetched item that is already cached is not fetched again", () => {
  const fetches: string[] = [];
  const cdn = new Cdn({
    edges: [{ id: "a", location: { lat: 0, lon: 0 }, cacheItems: 10, maxRequestsPerSecond: 10 }],
    origin: { fetch: (id) => (fetches.push(id), 1), related: () => ["r1", "r2"] },
    prefetchRelated: 2,
    clock: () => 0,
  });
  cdn.request("r1", { lat: 0, lon: 0 });
  cdn.request("main", { lat: 0, lon: 0 });
  const fetched = fetches.join(", ");
  ensure(
    fetched === "r1, r2, main",
    `the origin was asked for [${fetched}], not [r1, r2, main]. Prefetch skips items the edge holds; and the missed item is stored before prefetching, or a prefetch of its related items (r1 lists itself) fetches it a second time`,
  );
});

test("capacity at the edges of a second: full at exactly the limit, room again at exactly the next second", () => {
  // The instants that matter, drawn often: the first, second and last millisecond of a second.
  const offset = fc.oneof(fc.constantFrom(0, 1, 999), fc.integer({ min: 0, max: 999 }));
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      offset,
      (limit, second, start) => {
        let now = second * 1000 + start;
        const cdn = new Cdn({
          edges: [
            { id: "near", location: { lat: 0, lon: 0 }, cacheItems: 1, maxRequestsPerSecond: limit },
            { id: "far", location: { lat: 0, lon: 10 }, cacheItems: 1, maxRequestsPerSecond: 1e9 },
          ],
          origin: { fetch: () => 1 },
          clock: () => now,
        });
        const servedBy = () => cdn.request("x", { lat: 0, lon: 0 }).servedBy;
        const first = Array.from({ length: limit }, servedBy);
        ensure(
          first.every((s) => s === "near"),
          `near (maxRequestsPerSecond ${limit}) should serve the first ${limit} requests of its second, got [${first.join(", ")}]`,
        );
        const over = servedBy();
        ensure(
          over !== "near",
          `near (maxRequestsPerSecond ${limit}) took request ${limit + 1} at ${now}: an edge that has served exactly its limit this second is full; it has room only while it has served fewer`,
        );
        now = second * 1000 + 999;
        expect(servedBy()).toBe("far");
        now = (second + 1) * 1000;
        const next = servedBy();
        ensure(
          next === "near",
          `at exactly ${now} ms a new second of the clock begins, so near, full since ${second * 1000 + start}, has room again, but ${next} served. Either near's count was not reset because, full, it was skipped and served nothing (reset it whenever the second changes), or its window ran from its first request instead of from the clock's second [${now}, ${now + 1000})`,
        );
      },
    ),
    propertySettings(200),
  );
});

describe("hidden: bad input from untyped callers (a JSON config, a query string)", () => {
  const good: EdgeLocation = { id: "a", location: { lat: 0, lon: 0 }, cacheItems: 1, maxRequestsPerSecond: 1 };
  const cdnOf = (edges: unknown[]) => new Cdn({ edges: edges as EdgeLocation[], origin: { fetch: () => 1 } });

  test("an edge whose id is missing or not a string, or an edge that is null, is INVALID_EDGE", () => {
    expect(codeOf(CdnError, () => cdnOf([good, { ...good, id: 7 }]))).toBe("INVALID_EDGE");
    expect(codeOf(CdnError, () => cdnOf([good, { ...good, id: undefined }]))).toBe("INVALID_EDGE");
    expect(codeOf(CdnError, () => cdnOf([good, null]))).toBe("INVALID_EDGE");
  });

  test("coordinates that are missing or strings are INVALID_COORDINATES, not compared as numbers", () => {
    expect(codeOf(CdnError, () => cdnOf([{ ...good, location: undefined }]))).toBe("INVALID_COORDINATES");
    expect(codeOf(CdnError, () => cdnOf([{ ...good, location: { lat: "10", lon: 20 } }]))).toBe("INVALID_COORDINATES");
    expect(codeOf(CdnError, () => cdnOf([{ ...good, location: { lat: 10, lon: "20" } }]))).toBe("INVALID_COORDINATES");
    const cdn = cdnOf([good]);
    expect(codeOf(CdnError, () => cdn.request("x", { lat: "10", lon: "20" } as unknown as GeoPoint))).toBe(
      "INVALID_COORDINATES",
    );
  });

  test("a content id that is not a string is INVALID_CONTENT_ID, and the message shows it", () => {
    const cdn = cdnOf([good]);
    expect(codeOf(CdnError, () => cdn.request(42 as unknown as string, { lat: 0, lon: 0 }))).toBe("INVALID_CONTENT_ID");
    let message = "";
    try {
      cdn.request(42 as unknown as string, { lat: 0, lon: 0 });
    } catch (error) {
      if (error instanceof CdnError) message = error.message;
    }
    ensure(/\b42\b/.test(message), `request(42) said ${JSON.stringify(message)}: show the content id given (42)`);
    expect(cdn.metrics("a").requests).toBe(0);
  });
});
