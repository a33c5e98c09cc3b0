import fc from "fast-check";
import { codeOf, ensure, messageOf as messageOfError, propertySettings } from "#kata/testing";
import { cellCountOf, explainDifference, scanNearest, scanWithin, type Point } from "./brute-force";
import { cityPositions, CITIES, type City } from "./fleet";
import { QuadtreeError } from "./src/errors";
import { haversineMetres } from "./src/geo";
import { Quadtree, type Neighbour, type QuadtreeOptions } from "./src/quadtree";

function treeOf(points: readonly Point[], options: QuadtreeOptions = {}): Quadtree {
  const tree = new Quadtree(options);
  for (const p of points) tree.insert(p.id, p.lat, p.lon);
  return tree;
}

/** `count` drivers around the first `cities` cities, ids "d0", "d1", ... */
function driversAround(count: number, cities: number, seed: number): Point[] {
  const { lats, lons } = cityPositions(count, cities, seed);
  return Array.from({ length: count }, (_, i) => ({ id: `d${i}`, lat: lats[i] as number, lon: lons[i] as number }));
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
  expected: Neighbour[] = scanNearest(points, lat, lon, k),
): void {
  const got = tree.nearest(lat, lon, k);
  const problem = explainDifference(`nearest(${lat}, ${lon}, ${k})`, got, expected, { lat, lon }, Infinity);
  if (problem === undefined) return;
  const kth = expected[expected.length - 1];
  const nearer = expected.filter((n) => !got.some((g) => g.id === n.id));
  ensure(
    false,
    `${problem} ${nearer.length > 0 && kth !== undefined ? `${nearer[0]?.id} is nearer than the k-th answer should be (${kth.distanceMetres} m) and was missed: ` : ""}` +
      "the k nearest are not always in the centre's own cell; a point in a neighbouring cell, just across its edge, can be nearer. " +
      "Keep searching until every cell that could hold a point nearer than the k-th found has been looked at.",
  );
}

function expectCellCount(
  tree: Quadtree,
  points: readonly Point[],
  leafCapacity: number,
  maxDepth: number,
  story: string,
): void {
  const expected = cellCountOf(points, leafCapacity, maxDepth);
  const got = tree.cellCount();
  ensure(
    got === expected,
    `${story}: cellCount() is ${got}, but ${points.length} points at these positions make ${expected} cells ` +
      `(leafCapacity ${leafCapacity}, maxDepth ${maxDepth}). ` +
      (got > expected
        ? `${got - expected} cells left behind: when a cell's subtree holds leafCapacity points or fewer, its children must merge back into one leaf.`
        : "Too few cells: a leaf over leafCapacity must split (unless it is at maxDepth), and a moved point must be filed under the cell of its new position."),
  );
}

const messageOf = (act: () => unknown): string => messageOfError(QuadtreeError, act);

const LONDON = CITIES[0] as City;

describe("a quadtree of points", () => {
  test("a new tree is empty: no points, one cell, nothing found", () => {
    const tree = new Quadtree();
    expect(tree.size).toBe(0);
    expect(tree.cellCount()).toBe(1);
    expect(tree.has("d1")).toBe(false);
    expect(tree.position("d1")).toBeUndefined();
    expect(tree.within(LONDON.lat, LONDON.lon, 5_000)).toEqual([]);
    expect(tree.nearest(LONDON.lat, LONDON.lon, 3)).toEqual([]);
  });

  test("options default to 16 points a leaf and depth 20, and keep the values given", () => {
    expect(new Quadtree().leafCapacity).toBe(16);
    expect(new Quadtree().maxDepth).toBe(20);
    const tree = new Quadtree({ leafCapacity: 4, maxDepth: 7 });
    expect([tree.leafCapacity, tree.maxDepth]).toEqual([4, 7]);
  });

  test("insert, move and remove change what has, position and size report", () => {
    const tree = new Quadtree();
    tree.insert("d1", 51.5, -0.12);
    tree.insert("d2", 48.85, 2.35);
    expect(tree.size).toBe(2);
    expect(tree.position("d1")).toEqual({ lat: 51.5, lon: -0.12 });
    tree.move("d1", 51.51, -0.13);
    expect(tree.position("d1")).toEqual({ lat: 51.51, lon: -0.13 });
    tree.remove("d2");
    expect(tree.has("d2")).toBe(false);
    expect(tree.size).toBe(1);
  });
});

describe("within: exactly the points a scan of every point finds", () => {
  // Trigonometry is about ten times slower inside jest's sandbox than in plain Node, so the scans
  // here are kept to tens of thousands of distances.
  test("2 km searches in a city match a brute-force scan, nearest first", () => {
    const drivers = driversAround(1_500, 1, 1);
    const tree = treeOf(drivers);
    const riders = cityPositions(40, 1, 2);
    for (let i = 0; i < 40; i++) expectWithin(tree, drivers, riders.lats[i] as number, riders.lons[i] as number, 2_000);
  });

  test("a point at exactly the radius is found: within means distance <= radius", () => {
    const drivers = driversAround(300, 1, 3);
    const tree = treeOf(drivers);
    for (const target of drivers.slice(0, 30)) {
      const radius = haversineMetres(LONDON.lat, LONDON.lon, target.lat, target.lon);
      const found = tree.within(LONDON.lat, LONDON.lon, radius);
      ensure(
        found.some((n) => n.id === target.id),
        `within(${LONDON.lat}, ${LONDON.lon}, ${radius}) left out ${target.id}, which is at exactly the radius ` +
          `(haversineMetres gives ${radius} m): within means distance <= radius, not <.`,
      );
      expectWithin(tree, drivers, LONDON.lat, LONDON.lon, radius);
    }
  });

  test("points at exactly the radius due north, due south and at the circle's widest longitude are found", () => {
    // The edges of the box around a circle: rounding there must not cut a point off.
    const d = 50_000 / 6_371_000; // a 50 km circle, as an angle in radians
    const degrees = 180 / Math.PI;
    const widestLat = Math.asin(Math.sin(40 * (Math.PI / 180)) / Math.cos(d)) * degrees;
    const widestLon = Math.asin(Math.sin(d) / Math.cos(40 * (Math.PI / 180))) * degrees;
    const points: Point[] = [
      { id: "north", lat: 40 + d * degrees, lon: 20 },
      { id: "south", lat: 40 - d * degrees, lon: 20 },
      { id: "east", lat: widestLat, lon: 20 + widestLon },
      { id: "west", lat: widestLat, lon: 20 - widestLon },
    ];
    const tree = treeOf(points, { leafCapacity: 1 });
    for (const p of points) {
      const radius = haversineMetres(40, 20, p.lat, p.lon);
      ensure(
        tree.within(40, 20, radius).some((n) => n.id === p.id),
        `within(40, 20, ${radius}) left out the point due ${p.id} at exactly the radius, on the edge of the circle's box: ` +
          "within means distance <= radius, and the box must be a hair wider than the circle (a margin of 1e-9 rad) so rounding never cuts such a point off.",
      );
    }
  });

  test("equal distances come back in id order, whatever order the points were inserted in", () => {
    // Mirror images across the centre's meridian are exactly as far from it, to the last bit.
    const tree = treeOf([
      { id: "east", lat: 10, lon: 20.01 },
      { id: "west", lat: 10, lon: 19.99 },
      { id: "b", lat: 10.005, lon: 20 },
      { id: "a", lat: 10.005, lon: 20 },
    ]);
    expect(tree.within(10, 20, 5_000).map((n) => n.id)).toEqual(["a", "b", "east", "west"]);
  });

  test("radius 0 finds the points at the centre itself, and Infinity finds every point", () => {
    const tree = treeOf([
      { id: "rank-2", lat: 40.7128, lon: -74.006 },
      { id: "rank-1", lat: 40.7128, lon: -74.006 },
      { id: "next-door", lat: 40.71281, lon: -74.006 },
      { id: "sydney", lat: -33.8688, lon: 151.2093 },
    ]);
    expect(tree.within(40.7128, -74.006, 0).map((n) => n.id)).toEqual(["rank-1", "rank-2"]);
    expect(tree.within(40.7128, -74.006, Number.POSITIVE_INFINITY).map((n) => n.id)).toEqual([
      "rank-1",
      "rank-2",
      "next-door",
      "sydney",
    ]);
  });
});

describe("near the poles and across the antimeridian", () => {
  test("a search from Fiji finds the drivers across the antimeridian, at lon -179.99", () => {
    const points: Point[] = [
      { id: "west-side", lat: -18.14, lon: 179.98 },
      { id: "across-1", lat: -18.14, lon: -179.99 },
      { id: "across-2", lat: -18.15, lon: -179.995 },
      { id: "on-the-line", lat: -18.14, lon: 180 },
      { id: "on-the-line-too", lat: -18.141, lon: -180 },
      { id: "far", lat: -18.14, lon: -179.5 },
    ];
    const tree = treeOf(points, { leafCapacity: 1 });
    expectWithin(tree, points, -18.14, 179.99, 5_000);
    expectWithin(tree, points, -18.14, -179.999, 3_000);
    expectNearest(tree, points, -18.14, 179.999, 4);
  });

  test("a circle that reaches over the north pole finds points on its far side, 180° of longitude away", () => {
    const points: Point[] = [
      { id: "near-side", lat: 89.95, lon: 10 },
      { id: "far-side", lat: 89.95, lon: -170 },
      { id: "quarter-round", lat: 89.92, lon: 100 },
      { id: "pole", lat: 90, lon: 0 },
      { id: "too-far", lat: 89.5, lon: -170 },
    ];
    const tree = treeOf(points, { leafCapacity: 1 });
    // From (89.9, 10) the point at (89.95, -170) is 0.15° of arc away over the pole: 16.7 km.
    expectWithin(tree, points, 89.9, 10, 22_000);
    expectWithin(tree, points, -89.9, 10, 22_000);
    expectNearest(tree, points, 89.9, 10, 3);
  });

  test("a search centred on the south pole finds points at every longitude", () => {
    const points: Point[] = [-180, -135, -90, -45, 0, 45, 90, 135, 180].map((lon, i) => ({
      id: `ring-${i}`,
      lat: -89.99,
      lon,
    }));
    const tree = treeOf(points, { leafCapacity: 2 });
    expectWithin(tree, points, -90, 0, 1_200);
    expectWithin(tree, points, -90, 77, 1_000);
  });

  test("property: seeded points near the poles and the antimeridian, searched at every scale, match a scan", () => {
    const region = fc.constantFrom(
      { lat: [86, 90], lon: [-180, 180] },
      { lat: [-90, -86], lon: [-180, 180] },
      { lat: [-20, 20], lon: [177, 183] }, // lon past 180 wraps to -180 .. -177
    );
    const world = region.chain(({ lat, lon }) => {
      const point = fc.record({
        lat: fc.oneof(
          fc.double({ min: lat[0], max: lat[1], noNaN: true }),
          fc.constantFrom(lat[0] as number, lat[1] as number),
        ),
        lon: fc.oneof(fc.double({ min: lon[0], max: lon[1], noNaN: true }), fc.constantFrom(-180, 180, 0)),
      });
      return fc.record({
        points: fc.array(point, { maxLength: 120, size: "max" }),
        centres: fc.array(point, { minLength: 1, maxLength: 6 }),
        radius: fc.oneof(
          fc.double({ min: 0, max: 50_000, noNaN: true }),
          fc.double({ min: 0, max: 800_000, noNaN: true }),
        ),
        leafCapacity: fc.integer({ min: 1, max: 6 }),
      });
    });
    const wrap = (lon: number): number => (lon > 180 ? lon - 360 : lon);
    fc.assert(
      fc.property(world, ({ points, centres, radius, leafCapacity }) => {
        const placed = points.map((p, i) => ({ id: `p${i}`, lat: p.lat, lon: wrap(p.lon) }));
        const tree = treeOf(placed, { leafCapacity });
        for (const c of centres) {
          expectWithin(tree, placed, c.lat, wrap(c.lon), radius);
          expectNearest(tree, placed, c.lat, wrap(c.lon), 3);
        }
      }),
      propertySettings(40),
    );
  });
});

describe("cell boundaries", () => {
  // Split lines of the first few levels, the poles and both sides of the antimeridian.
  const LATS = [-90, -45, -22.5, 0, 22.5, 45, 67.5, 90];
  const LONS = [-180, -90, -45, 0, 45, 90, 135, 180];
  const GRID: Point[] = LATS.flatMap((lat) => LONS.map((lon) => ({ id: `${lat}/${lon}`, lat, lon })));

  test("points on split lines, at the poles and at lon ±180 are found where they are", () => {
    const tree = treeOf(GRID, { leafCapacity: 1 });
    for (const p of GRID) {
      const found = tree.within(p.lat, p.lon, 0).map((n) => n.id);
      ensure(
        found.includes(p.id),
        `within(${p.lat}, ${p.lon}, 0) did not find ${p.id}, which is at exactly that position, on a cell boundary. ` +
          "A point on a split line belongs to the cell north or east of it (lat >= midLat, lon >= midLon), and points at lat 90 or lon 180 to the cells along the edge of the world: none may be dropped.",
      );
      expectWithin(tree, GRID, p.lat, p.lon, 3_000_000);
    }
    expectCellCount(tree, GRID, 1, 20, "a grid of 64 points on split lines");
  });

  test("points moved onto split lines are filed north and east of them, as if inserted there", () => {
    const start = GRID.map((p) => ({ id: p.id, lat: p.lat / 2 + 0.3, lon: p.lon / 2 - 0.3 }));
    const tree = treeOf(start, { leafCapacity: 2 });
    for (const p of GRID) tree.move(p.id, p.lat, p.lon);
    expectCellCount(tree, GRID, 2, 20, "after moving 64 points onto split lines");
    for (const p of GRID.slice(0, 16)) expectWithin(tree, GRID, p.lat, p.lon, 1);
  });

  test("the number of cells follows the split rule, for a city's drivers", () => {
    const drivers = driversAround(2_000, 2, 4);
    expectCellCount(treeOf(drivers), drivers, 16, 20, "2,000 drivers in two cities");
    expectCellCount(
      treeOf(drivers, { leafCapacity: 5, maxDepth: 9 }),
      drivers,
      5,
      9,
      "the same drivers, leafCapacity 5, maxDepth 9",
    );
  });
});

describe("moves", () => {
  test("a moved driver is found at its new position and no longer at its old one", () => {
    const drivers = driversAround(400, 1, 5);
    const tree = treeOf(drivers, { leafCapacity: 4 });
    const paris = CITIES.find((c) => c.name === "Paris") as City;
    const moved = drivers[7] as Point;
    tree.move(moved.id, paris.lat, paris.lon);
    const atNew = tree.within(paris.lat, paris.lon, 1_000).map((n) => n.id);
    ensure(
      atNew.includes(moved.id),
      `after move("${moved.id}", ${paris.lat}, ${paris.lon}) a 1 km search at its new position did not find it: ` +
        "a move must take the point out of the cell of its old position and file it under the cell that holds its new position, not just change its coordinates.",
    );
    const atOld = tree.within(moved.lat, moved.lon, 1).map((n) => n.id);
    ensure(
      !atOld.includes(moved.id),
      `after the move a search at the old position (${moved.lat}, ${moved.lon}) still found ${moved.id}.`,
    );
  });

  test("property: any history of inserts, moves and removes leaves the tree a scan agrees with", () => {
    const spot = fc.record({
      lat: fc.oneof(fc.double({ min: 51.3, max: 51.7, noNaN: true }), fc.constantFrom(51.328125, 51.50390625, 51.5)),
      lon: fc.oneof(fc.double({ min: -0.5, max: 0.3, noNaN: true }), fc.constantFrom(0, -0.17578125, -0.3515625)),
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), id: fc.nat(40), at: spot }),
      fc.record({ kind: fc.constant("move" as const), id: fc.nat(40), at: spot }),
      fc.record({ kind: fc.constant("remove" as const), id: fc.nat(40) }),
    );
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 20, maxLength: 150, size: "max" }),
        fc.integer({ min: 1, max: 5 }),
        (steps, leafCapacity) => {
          const tree = new Quadtree({ leafCapacity });
          const model = new Map<string, Point>();
          for (const s of steps) {
            const id = `d${s.id}`;
            if (s.kind === "insert" && !model.has(id)) {
              tree.insert(id, s.at.lat, s.at.lon);
              model.set(id, { id, ...s.at });
            } else if (s.kind === "move" && model.has(id)) {
              tree.move(id, s.at.lat, s.at.lon);
              model.set(id, { id, ...s.at });
            } else if (s.kind === "remove" && model.has(id)) {
              tree.remove(id);
              model.delete(id);
            }
          }
          expect(tree.size).toBe(model.size);
          expectCellCount(tree, [...model.values()], leafCapacity, 20, `after ${steps.length} steps`);
          expectWithin(tree, model.values(), 51.5, -0.1, 8_000);
          expectNearest(tree, model.values(), 51.45, -0.2, 5);
        },
      ),
      propertySettings(100),
    );
  });

  test("a tree whose points have all gone is a single cell again", () => {
    const drivers = driversAround(1_000, 1, 6);
    const tree = treeOf(drivers);
    for (const d of drivers) tree.remove(d.id);
    const cells = tree.cellCount();
    ensure(
      cells === 1,
      `after removing all 1,000 points cellCount() is ${cells}: ${cells - 1} cells left behind. A cell whose subtree holds leafCapacity points or fewer must merge back into one leaf, or a city's rush-hour cells outlive its drivers.`,
    );
  });
});

describe("many points at the same coordinates", () => {
  test("40 drivers at one taxi rank: the leaf at maxDepth holds them all", () => {
    const tree = new Quadtree({ leafCapacity: 4 });
    try {
      for (let i = 0; i < 40; i++) tree.insert(`taxi-${String(i).padStart(2, "0")}`, 51.4703, -0.4543);
    } catch (error) {
      throw new Error(
        `inserting 40 drivers at the same coordinates threw ${String(error)}. No split can tell points at one position apart: ` +
          "stop splitting at maxDepth and let that leaf hold more than leafCapacity points.",
      );
    }
    const found = tree.within(51.4703, -0.4543, 0).map((n) => n.id);
    expect(found).toHaveLength(40);
    expect(found[0]).toBe("taxi-00");
    expect(tree.cellCount()).toBe(1 + 4 * 20); // one chain of splits, down to depth 20
  });
});

describe("nearest", () => {
  test("the 1, 5 and 20 nearest drivers match a scan of every driver", () => {
    const drivers = driversAround(1_000, 2, 7);
    const tree = treeOf(drivers);
    const riders = cityPositions(30, 2, 8);
    for (let i = 0; i < 30; i++) {
      const [lat, lon] = [riders.lats[i] as number, riders.lons[i] as number];
      const twenty = scanNearest(drivers, lat, lon, 20);
      for (const k of [1, 5, 20]) expectNearest(tree, drivers, lat, lon, k, twenty.slice(0, k));
    }
  });

  test("a point just across a cell boundary is nearer than any point in the centre's own cell", () => {
    // The root splits at lat 0: the centre's own cell is north of the equator, the nearest point 2 m south of it.
    const points: Point[] = [
      { id: "north-1", lat: 1, lon: 10 },
      { id: "north-2", lat: 2, lon: 10 },
      { id: "just-south", lat: -0.00001, lon: 10 },
    ];
    const tree = treeOf(points, { leafCapacity: 2 });
    expectNearest(tree, points, 0.00001, 10, 1);
    expectNearest(tree, points, 0.00001, 10, 2);
  });

  test("fewer than k when the tree or the maximum distance holds fewer", () => {
    const points: Point[] = [
      { id: "a", lat: 0, lon: 0 },
      { id: "b", lat: 0, lon: 0.01 },
      { id: "c", lat: 0, lon: 1 },
    ];
    const tree = treeOf(points);
    expect(tree.nearest(0, 0, 10).map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect(tree.nearest(0, 0, 10, 5_000).map((n) => n.id)).toEqual(["a", "b"]);
    expect(tree.nearest(0, 0, 10, 0).map((n) => n.id)).toEqual(["a"]);
  });
});

describe("bad input gets a QuadtreeError with a code, and changes nothing", () => {
  test.each([0, -1, 2.5, Number.NaN])("leafCapacity %p is rejected", (leafCapacity) => {
    expect(codeOf(QuadtreeError, () => new Quadtree({ leafCapacity }))).toBe("INVALID_OPTIONS");
  });

  test.each([-1, 41, 1.5])("maxDepth %p is rejected", (maxDepth) => {
    expect(codeOf(QuadtreeError, () => new Quadtree({ maxDepth }))).toBe("INVALID_OPTIONS");
  });

  test("the options messages name the option, the value given and what is allowed", () => {
    const depth = messageOf(() => new Quadtree({ maxDepth: 41 }));
    expect(depth).toMatch(/maxDepth/);
    expect(depth).toMatch(/41/);
    expect(depth).toMatch(/0 to 40/);
    const capacity = messageOf(() => new Quadtree({ leafCapacity: 2.5 }));
    expect(capacity).toMatch(/leafCapacity/);
    expect(capacity).toMatch(/2\.5/);
    expect(capacity).toMatch(/positive integer/);
  });

  test("the radius and k messages name the argument, the value given and what is allowed", () => {
    const radius = messageOf(() => new Quadtree().within(0, 0, -5));
    expect(radius).toMatch(/radiusMetres/);
    expect(radius).toMatch(/-5/);
    expect(radius).toMatch(/0 or more/);
    expect(messageOf(() => new Quadtree().nearest(0, 0, 1, -5))).toMatch(/maxDistanceMetres/);
    expect(messageOf(() => new Quadtree().within(0, 0, "5" as unknown as number))).toMatch(/"5"/);
    const k = messageOf(() => new Quadtree().nearest(0, 0, 2.5));
    expect(k).toMatch(/2\.5/);
    expect(k).toMatch(/positive integer/);
  });

  test("an empty id is rejected with INVALID_ID", () => {
    expect(codeOf(QuadtreeError, () => new Quadtree().insert("", 0, 0))).toBe("INVALID_ID");
  });

  test.each([
    [91, 0],
    [-90.5, 0],
    [0, 180.5],
    [0, -181],
    [Number.NaN, 0],
    [0, Number.POSITIVE_INFINITY],
  ])("insert at lat %p, lon %p is rejected with INVALID_COORDINATES", (lat, lon) => {
    const tree = new Quadtree();
    expect(codeOf(QuadtreeError, () => tree.insert("d1", lat, lon))).toBe("INVALID_COORDINATES");
    expect(tree.has("d1")).toBe(false);
    expect(tree.size).toBe(0);
  });

  test("the coordinates message names both values, and says when they look swapped", () => {
    const message = messageOf(() => new Quadtree().insert("d1", 151.2093, -33.8688));
    expect(message).toMatch(/151\.2093/);
    expect(message).toMatch(/-33\.8688/);
    expect(message).toMatch(/swapped/i);
    // Not swapped when the other order is no better; the message then ends with the values.
    expect(messageOf(() => new Quadtree().insert("d1", 91, 200))).toMatch(/lat 91, lon 200$/);
    expect(messageOf(() => new Quadtree().insert("d1", 0, 181))).toMatch(/lat 0, lon 181$/);
    expect(messageOf(() => new Quadtree().insert("d1", Number.NaN, 0))).toMatch(/lat NaN, lon 0$/);
    expect(messageOf(() => new Quadtree().insert("d1", "51.5" as unknown as number, 0))).toMatch(/lat "51\.5", lon 0$/);
  });

  test("inserting an id twice is rejected with DUPLICATE_ID, says to move it, and keeps the first position", () => {
    const tree = treeOf([{ id: "d1", lat: 10, lon: 10 }]);
    expect(codeOf(QuadtreeError, () => tree.insert("d1", 20, 20))).toBe("DUPLICATE_ID");
    expect(messageOf(() => tree.insert("d1", 20, 20))).toMatch(/move/);
    expect(tree.position("d1")).toEqual({ lat: 10, lon: 10 });
  });

  test("moving or removing an unknown id is rejected with UNKNOWN_ID", () => {
    const tree = treeOf([{ id: "d1", lat: 10, lon: 10 }]);
    expect(codeOf(QuadtreeError, () => tree.move("d2", 10, 10))).toBe("UNKNOWN_ID");
    expect(codeOf(QuadtreeError, () => tree.remove("d2"))).toBe("UNKNOWN_ID");
    expect(messageOf(() => tree.remove("d2"))).toMatch(/remove "d2".*insert it first/);
    expect(messageOf(() => tree.move("d2", 1, 1))).toMatch(/move "d2".*insert it first/);
  });

  test("a move to bad coordinates is rejected and the point stays where it was", () => {
    const tree = treeOf([{ id: "d1", lat: 10, lon: 10 }]);
    expect(codeOf(QuadtreeError, () => tree.move("d1", 95, 10))).toBe("INVALID_COORDINATES");
    expect(tree.position("d1")).toEqual({ lat: 10, lon: 10 });
    expect(tree.within(10, 10, 0).map((n) => n.id)).toEqual(["d1"]);
  });

  test.each([-1, Number.NaN])("radius %p is rejected with INVALID_RADIUS", (radius) => {
    expect(codeOf(QuadtreeError, () => new Quadtree().within(0, 0, radius))).toBe("INVALID_RADIUS");
    expect(codeOf(QuadtreeError, () => new Quadtree().nearest(0, 0, 1, radius))).toBe("INVALID_RADIUS");
  });

  test.each([0, -2, 1.5, Number.NaN])("k %p is rejected with INVALID_K", (k) => {
    expect(codeOf(QuadtreeError, () => new Quadtree().nearest(0, 0, k))).toBe("INVALID_K");
  });

  test("a search centre outside the globe is rejected with INVALID_COORDINATES", () => {
    expect(codeOf(QuadtreeError, () => new Quadtree().within(0, 200, 10))).toBe("INVALID_COORDINATES");
    expect(codeOf(QuadtreeError, () => new Quadtree().nearest(-100, 0, 1))).toBe("INVALID_COORDINATES");
  });
});
