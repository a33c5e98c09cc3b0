/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import fc from "fast-check";
import { codeOf, ensure, messageOf as messageOfError, propertySettings } from "#kata/testing";
import { cellCountOf, explainDifference, scanNearest, scanWithin, type Point } from "./brute-force";
import { cityPositions } from "./fleet";
import { QuadtreeError } from "./src/errors";
import { EARTH_RADIUS_METRES, haversineMetres, RADIANS_PER_DEGREE } from "./src/geo";
import { Quadtree, type QuadtreeOptions } from "./src/quadtree";

function treeOf(points: readonly Point[], options: QuadtreeOptions = {}): Quadtree {
  const tree = new Quadtree(options);
  for (const p of points) tree.insert(p.id, p.lat, p.lon);
  return tree;
}

function expectWithin(tree: Quadtree, points: Iterable<Point>, lat: number, lon: number, radius: number): void {
  const problem = explainDifference(
    `within(${lat}, ${lon}, ${radius})`,
    tree.within(lat, lon, radius),
    scanWithin(points, lat, lon, radius),
    { lat, lon },
    radius,
  );
  ensure(problem === undefined, problem ?? "");
}

function expectNearest(
  tree: Quadtree,
  points: Iterable<Point>,
  lat: number,
  lon: number,
  k: number,
  max?: number,
): void {
  const problem = explainDifference(
    `nearest(${lat}, ${lon}, ${k}${max === undefined ? "" : `, ${max}`})`,
    tree.nearest(lat, lon, k, max),
    scanNearest(points, lat, lon, k, max),
    { lat, lon },
    max ?? Infinity,
  );
  ensure(problem === undefined, problem ?? "");
}

const messageOf = (act: () => unknown): string => messageOfError(QuadtreeError, act);

describe("hidden: the shape of a circle on a sphere", () => {
  test("the circle's widest point is poleward of its centre: a driver there is found", () => {
    // From lat 60 a 500 km circle reaches farthest east at lat 60.29, lon + asin(sin d / cos 60) = 9.0233°;
    // a flat map's lon + d / cos 60 stops at 8.996°, 1.5 km short.
    const radius = 500_000;
    const d = radius / EARTH_RADIUS_METRES;
    const widestLat = Math.asin(Math.sin(60 * RADIANS_PER_DEGREE) / Math.cos(d)) / RADIANS_PER_DEGREE;
    const widestLon = Math.asin(Math.sin(d) / Math.cos(60 * RADIANS_PER_DEGREE)) / RADIANS_PER_DEGREE - 1e-6;
    const points: Point[] = [
      { id: "widest-east", lat: widestLat, lon: widestLon },
      { id: "widest-west", lat: widestLat, lon: -widestLon },
      { id: "centre", lat: 60, lon: 0 },
      { id: "outside", lat: 60, lon: 9.1 },
    ];
    const tree = treeOf(points, { leafCapacity: 1 });
    const found = tree.within(60, 0, radius).map((n) => n.id);
    ensure(
      found.includes("widest-east") && found.includes("widest-west"),
      `within(60, 0, ${radius}) found ${JSON.stringify(found)}, without the points at the circle's widest longitude ` +
        `(lat ${widestLat.toFixed(4)}, lon ±${widestLon.toFixed(4)}, ${haversineMetres(60, 0, widestLat, widestLon).toFixed(1)} m away). ` +
        "A circle on a sphere is widest poleward of its centre: its box spans lon ± asin(sin d / cos lat), more than d / cos lat.",
    );
    expectWithin(tree, points, 60, 0, radius);
  });

  test("a search of almost half the globe finds the points around the centre's antipode", () => {
    const points: Point[] = [
      { id: "antipode", lat: -10, lon: -160 },
      { id: "near-antipode", lat: -10.05, lon: -159.9 },
      { id: "centre", lat: 10, lon: 20 },
      { id: "quarter", lat: 0, lon: 110 },
    ];
    const tree = treeOf(points, { leafCapacity: 1 });
    expectWithin(tree, points, 10, 20, 19_990_000);
    expectWithin(tree, points, 10, 20, 20_015_087);
    expectNearest(tree, points, 10, 20, 4);
  });

  test("lon 180 and lon -180 are one meridian: a point at one is found from the other", () => {
    const points: Point[] = [
      { id: "east-edge", lat: 12, lon: 180 },
      { id: "west-edge", lat: 12, lon: -180 },
    ];
    const tree = treeOf(points, { leafCapacity: 1 });
    expect(tree.within(12, -180, 1).map((n) => n.id)).toEqual(["west-edge", "east-edge"]);
    expect(tree.within(12, 180, 1).map((n) => n.id)).toEqual(["east-edge", "west-edge"]);
    expectNearest(tree, points, 12, 179.9999, 2);
  });
});

describe("hidden: order and ties", () => {
  test("ties are ordered by id as strings compare with <, not by locale", () => {
    const ids = ["é", "a", "z", "B", "a1"];
    const tree = treeOf(ids.map((id) => ({ id, lat: 5, lon: 5 })));
    const got = tree.within(5, 5, 0).map((n) => n.id);
    ensure(
      JSON.stringify(got) === JSON.stringify(["B", "a", "a1", "z", "é"]),
      `five points at one position came back as ${JSON.stringify(got)}; ties are ordered by id with < (UTF-16 code units): ` +
        '"B" before "a", "é" last. localeCompare orders them otherwise.',
    );
  });

  test("nearest breaks a tie at the k-th place by id", () => {
    const tree = treeOf([
      { id: "c", lat: 0, lon: 0.01 },
      { id: "b", lat: 0, lon: -0.01 },
      { id: "a", lat: 0, lon: 0.01 },
      { id: "near", lat: 0, lon: 0.001 },
    ]);
    expect(tree.nearest(0, 0, 2).map((n) => n.id)).toEqual(["near", "a"]);
    expect(tree.nearest(0, 0, 3).map((n) => n.id)).toEqual(["near", "a", "b"]);
  });

  test("a point moved within its cell is reported at its new position and distance", () => {
    const tree = treeOf([{ id: "d1", lat: 30, lon: 30 }]);
    tree.move("d1", 30.001, 30);
    const [found] = tree.within(30, 30, 1_000);
    expect(found).toEqual({ id: "d1", lat: 30.001, lon: 30, distanceMetres: haversineMetres(30, 30, 30.001, 30) });
  });
});

describe("hidden: cells come and go with the points", () => {
  test("a taxi rank that empties out merges back from depth 20", () => {
    const tree = new Quadtree({ leafCapacity: 4 });
    for (let i = 0; i < 40; i++) tree.insert(`taxi-${i}`, -33.9399, 151.1753);
    for (let i = 0; i < 36; i++) tree.remove(`taxi-${i}`);
    expect(tree.cellCount()).toBe(1);
    expect(tree.within(-33.9399, 151.1753, 0)).toHaveLength(4);
  });

  test("drivers who all drive to another city leave the first city's cells behind them", () => {
    const { lats, lons } = cityPositions(1_200, 2, 31);
    const drivers = Array.from({ length: 1_200 }, (_, i) => ({
      id: `d${i}`,
      lat: lats[i] as number,
      lon: lons[i] as number,
    }));
    const tree = treeOf(drivers, { leafCapacity: 8 });
    // Every driver of the first city (even indexes) drives to the second city's rank.
    const after = drivers.map((d, i) =>
      i % 2 === 0 ? { ...d, lat: (drivers[1] as Point).lat, lon: (drivers[1] as Point).lon } : d,
    );
    for (let i = 0; i < drivers.length; i += 2) tree.move(`d${i}`, (after[i] as Point).lat, (after[i] as Point).lon);
    const expected = cellCountOf(after, 8, 20);
    ensure(
      tree.cellCount() === expected,
      `after 600 drivers left London for one spot in New York, cellCount() is ${tree.cellCount()}, but a tree of their new positions has ${expected} cells: ` +
        "cells left behind by the moves must merge back, and the spot they all moved to must split down to maxDepth.",
    );
    expectWithin(tree, after, (drivers[0] as Point).lat, (drivers[0] as Point).lon, 20_000);
  });

  test("maxDepth 0 keeps every point in the root, and searches still find them", () => {
    const { lats, lons } = cityPositions(200, 1, 32);
    const points = Array.from({ length: 200 }, (_, i) => ({
      id: `p${i}`,
      lat: lats[i] as number,
      lon: lons[i] as number,
    }));
    const tree = treeOf(points, { leafCapacity: 1, maxDepth: 0 });
    expect(tree.cellCount()).toBe(1);
    expectWithin(tree, points, 51.5, -0.12, 3_000);
  });

  test("property: histories over the whole globe keep the tree equal to a fresh one of the same points", () => {
    const spot = fc.record({
      lat: fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(-90, -45, 0, 45, 90, 89.9, -89.9)),
      lon: fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constantFrom(-180, -90, 0, 90, 180, 179.9)),
    });
    const step = fc.record({ kind: fc.constantFrom("insert", "move", "move", "remove"), id: fc.nat(25), at: spot });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 20, maxLength: 120, size: "max" }),
        fc.integer({ min: 1, max: 4 }),
        (steps, leafCapacity) => {
          const tree = new Quadtree({ leafCapacity, maxDepth: 12 });
          const model = new Map<string, Point>();
          for (const s of steps) {
            const id = `g${s.id}`;
            if (s.kind === "insert" && !model.has(id)) tree.insert(id, s.at.lat, s.at.lon);
            else if (s.kind === "move" && model.has(id)) tree.move(id, s.at.lat, s.at.lon);
            else if (s.kind === "remove" && model.has(id)) tree.remove(id);
            else continue;
            if (s.kind === "remove") model.delete(id);
            else model.set(id, { id, ...s.at });
          }
          const now = [...model.values()];
          ensure(
            tree.cellCount() === cellCountOf(now, leafCapacity, 12),
            `after ${steps.length} steps cellCount() is ${tree.cellCount()}, a fresh tree of the same ${now.length} points has ${cellCountOf(now, leafCapacity, 12)} cells: ` +
              "every insert, move and removal must leave the cells a fresh tree would have (split over capacity, merge at or under it).",
          );
          expectWithin(tree, now, 89.95, 0, 30_000);
          expectWithin(tree, now, 0, 179.95, 2_000_000);
          expectNearest(tree, now, -30, -60, 3);
        },
      ),
      propertySettings(60),
    );
  });
});

describe("hidden: bad input", () => {
  test("a non-string id is rejected with INVALID_ID, shown as it was given", () => {
    const tree = new Quadtree();
    expect(codeOf(QuadtreeError, () => tree.insert(42 as unknown as string, 0, 0))).toBe("INVALID_ID");
    const message = messageOf(() => tree.insert({ driver: 7 } as unknown as string, 0, 0));
    ensure(
      message.includes('{"driver":7}') && /non-empty string/i.test(message),
      `insert({ driver: 7 }, 0, 0) said ${JSON.stringify(message)}: say that ids are non-empty strings and show the value given (JSON.stringify, not [object Object]).`,
    );
    expect(tree.size).toBe(0);
  });

  test("an empty id on remove is INVALID_ID, not UNKNOWN_ID", () => {
    expect(codeOf(QuadtreeError, () => new Quadtree().remove(""))).toBe("INVALID_ID");
  });

  test("coordinates given as strings are rejected, even when they read as numbers", () => {
    const tree = new Quadtree();
    expect(codeOf(QuadtreeError, () => tree.insert("d1", "51.5" as unknown as number, 0))).toBe("INVALID_COORDINATES");
    expect(tree.has("d1")).toBe(false);
  });

  test("leafCapacity Infinity, k Infinity and a radius given as a string are rejected", () => {
    expect(codeOf(QuadtreeError, () => new Quadtree({ leafCapacity: Number.POSITIVE_INFINITY }))).toBe(
      "INVALID_OPTIONS",
    );
    expect(codeOf(QuadtreeError, () => new Quadtree().nearest(0, 0, Number.POSITIVE_INFINITY))).toBe("INVALID_K");
    expect(codeOf(QuadtreeError, () => new Quadtree().within(0, 0, "5" as unknown as number))).toBe("INVALID_RADIUS");
  });

  test("maxDepth 0 and 40 are allowed", () => {
    expect(new Quadtree({ maxDepth: 0 }).maxDepth).toBe(0);
    expect(new Quadtree({ maxDepth: 40 }).maxDepth).toBe(40);
  });

  test("a rejected call leaves the cells as they were", () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, lat: i, lon: -i }));
    const tree = treeOf(points, { leafCapacity: 2 });
    const cells = tree.cellCount();
    expect(() => tree.insert("p3", 10, 10)).toThrow(QuadtreeError);
    expect(() => tree.move("p4", 10, 200)).toThrow(QuadtreeError);
    expect(() => tree.remove("p99")).toThrow(QuadtreeError);
    expect(tree.cellCount()).toBe(cells);
    expect(tree.position("p4")).toEqual({ lat: 4, lon: -4 });
  });
});
