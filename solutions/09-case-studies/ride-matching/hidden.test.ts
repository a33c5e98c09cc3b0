/**
 * Grading-only tests. They import the learner's modules by their workbook path; the resolver puts
 * the graded target's files behind that path.
 */
import { codeOf, ensure, messageOf as messageOfError } from "#kata/testing";
import { runSeeded } from "./ride-check";
import { RideMatchingError } from "./src/errors";
import { haversineMetres } from "./src/geo";
import { RideMatcher, type Match } from "./src/ride-matching";

function show(match: Match | undefined): string {
  return match === undefined ? "no match" : `${match.riderId} with ${match.driverId} (${match.distanceMetres} m)`;
}

const messageOf = (act: () => unknown): string => messageOfError(RideMatchingError, act);

describe("hidden: the edges of the map", () => {
  test("a driver across the antimeridian from the pickup is matched, and a waiting rider across it is taken", () => {
    const matcher = new RideMatcher();
    matcher.goOnline("d-east", -18.14, -179.99);
    const match = matcher.requestRide("r-west", -18.14, 179.99);
    ensure(
      match?.driverId === "d-east",
      `a rider at lon 179.99 and a driver at lon -179.99 are ${haversineMetres(-18.14, 179.99, -18.14, -179.99)} m apart ` +
        `across the antimeridian, and requestRide gave ${show(match)}: lon 180 and lon -180 are the same meridian, search both sides.`,
    );
    matcher.requestRide("r-east", -18.15, -179.995);
    const taken = matcher.goOnline("d-west", -18.15, 179.995);
    ensure(
      taken?.riderId === "r-east",
      `r-east waits at lon -179.995 and d-west came online 1 km away at lon 179.995; goOnline gave ${show(taken)}: ` +
        "a waiting rider across the antimeridian is in reach.",
    );
  });

  test("a driver on the far side of the north pole is in reach of a pickup near it", () => {
    const matcher = new RideMatcher();
    matcher.goOnline("d-far-side", 89.99, 180);
    const match = matcher.requestRide("r1", 89.99, 0);
    ensure(
      match?.driverId === "d-far-side",
      `a driver 180° of longitude away, across the pole, is ${haversineMetres(89.99, 0, 89.99, 180)} m from the pickup, ` +
        `and requestRide gave ${show(match)}: a circle that reaches over a pole covers every longitude.`,
    );
  });

  test("a radius of 20,000 km reaches a driver on the other side of the world", () => {
    const matcher = new RideMatcher({ radiusMetres: 20_000_000 });
    matcher.goOnline("d-auckland", -36.85, 174.76);
    expect(matcher.requestRide("r-madrid", 40.42, -3.7)?.driverId).toBe("d-auckland");
  });
});

describe("hidden: many riders and drivers at once", () => {
  test("a taxi rank: 12 drivers over 300 m, so ties and zero distances are everywhere", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    const problem = runSeeded(matcher, {
      seed: 11,
      steps: 500,
      drivers: 12,
      riders: 30,
      radiusMetres: 1_000,
      centre: { lat: 51.5033, lon: -0.1196 },
      spreadMetres: 300,
    });
    ensure(problem === undefined, problem ?? "");
  });

  test("a sparse suburb: long lines, drivers freed far from most of them", () => {
    const matcher = new RideMatcher({ radiusMetres: 2_000 });
    const problem = runSeeded(matcher, {
      seed: 12,
      steps: 500,
      drivers: 10,
      riders: 40,
      radiusMetres: 2_000,
      centre: { lat: -33.8688, lon: 151.2093 },
      spreadMetres: 20_000,
    });
    ensure(problem === undefined, problem ?? "");
  });

  test("a city on the antimeridian: riders and drivers on both sides of it", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_500 });
    const problem = runSeeded(matcher, {
      seed: 13,
      steps: 500,
      drivers: 15,
      riders: 30,
      radiusMetres: 1_500,
      centre: { lat: -16.5, lon: 179.99 },
      spreadMetres: 4_000,
    });
    ensure(problem === undefined, problem ?? "");
  });
});

describe("hidden: where cells split, and where they are deep", () => {
  test("around lat 0, lon 0, where the first cells split: riders and drivers on and across the lines", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    const problem = runSeeded(matcher, {
      seed: 21,
      steps: 500,
      drivers: 40,
      riders: 40,
      radiusMetres: 1_000,
      centre: { lat: 0, lon: 0 },
      spreadMetres: 2_000,
    });
    ensure(problem === undefined, problem ?? "");
  });

  test("around the north pole: drivers at every longitude, the pole itself included", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_500 });
    const problem = runSeeded(matcher, {
      seed: 22,
      steps: 400,
      drivers: 30,
      riders: 30,
      radiusMetres: 1_500,
      centre: { lat: 89.99, lon: 0 },
      spreadMetres: 3_000,
    });
    ensure(problem === undefined, problem ?? "");
  });

  test("around the south pole: circles that reach over it from every side", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_500 });
    const problem = runSeeded(matcher, {
      seed: 24,
      steps: 300,
      drivers: 20,
      riders: 20,
      radiusMetres: 1_500,
      centre: { lat: -89.99, lon: 90 },
      spreadMetres: 3_000,
    });
    ensure(problem === undefined, problem ?? "");
  });

  test("six drivers at each corner of the map: cells stop splitting at the depth limit", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    const corners: [number, number][] = [
      [-90, -180],
      [-90, 180],
      [90, -180],
      [90, 180],
    ];
    for (const [c, [lat, lon]] of corners.entries()) {
      for (let i = 0; i < 6; i++) matcher.goOnline(`d${c}-${i}`, lat, lon);
    }
    for (const [c, [lat, lon]] of corners.entries()) {
      const match = matcher.requestRide(`r${c}`, lat, lon);
      ensure(
        match?.driverId === `d${c}-0` && match.distanceMetres === 0,
        `six drivers wait at (${lat}, ${lon}), and a rider there got ${show(match)}: the nearest is 0 m away, ` +
          `and of equal distances the smallest id, d${c}-0. Points at one position can never be split apart: stop at the depth limit.`,
      );
    }
  });

  test("a busy square: 150 drivers and 100 riders within 1 km, so the index splits deep and merges back", () => {
    const matcher = new RideMatcher({ radiusMetres: 250 });
    const problem = runSeeded(matcher, {
      seed: 23,
      steps: 1_200,
      drivers: 150,
      riders: 100,
      radiusMetres: 250,
      centre: { lat: 40.758, lon: -73.9855 },
      spreadMetres: 1_000,
    });
    ensure(problem === undefined, problem ?? "");
  });
});

describe("hidden: the line and the states", () => {
  test("thirty riders waiting at one spot are served in the order they asked", () => {
    const matcher = new RideMatcher({ radiusMetres: 500 });
    const riders = Array.from({ length: 30 }, (_, i) => `rider-${String(29 - i).padStart(2, "0")}`);
    for (const rider of riders) matcher.requestRide(rider, 48.8584, 2.2945);
    const served: string[] = [];
    for (let i = 0; i < 30; i++) served.push(matcher.goOnline(`d${i}`, 48.8585, 2.2946)?.riderId ?? "nobody");
    ensure(
      served.join() === riders.join(),
      `30 riders asked in the order ${riders.slice(0, 4).join(", ")}... and 30 drivers came online beside them; ` +
        `they were served in the order ${served.slice(0, 4).join(", ")}...: the rider who has waited longest goes first.`,
    );
    expect(matcher.waitingRiders()).toEqual([]);
  });

  test("a driver who went offline is never matched again, and comes back where it says", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    matcher.goOnline("d1", 40.7128, -74.006);
    matcher.goOffline("d1");
    const match = matcher.requestRide("r1", 40.7128, -74.006);
    ensure(
      match === undefined,
      `d1 went offline at the pickup, and requestRide gave ${show(match)}: a driver who went offline must leave the index of available drivers.`,
    );
    expect(matcher.goOnline("d1", 40.75, -74.006)).toBeUndefined();
    expect(matcher.driverPosition("d1")).toEqual({ lat: 40.75, lon: -74.006 });
    expect(matcher.waitingRiders()).toEqual(["r1"]);
    expect(matcher.updateLocation("d1", 40.7129, -74.006)?.riderId).toBe("r1");
  });

  test("a driver freed by a cancellation is where it last reported, not where it was matched", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    matcher.goOnline("d1", 35.6762, 139.6503);
    matcher.requestRide("r1", 35.677, 139.6503);
    matcher.requestRide("r-ahead", 35.69, 139.6503); // 1.5 km north: out of d1's reach, waiting
    matcher.updateLocation("d1", 35.686, 139.6503);
    const match = matcher.cancelRide("r1");
    ensure(
      match?.riderId === "r-ahead",
      `d1 was en route to r1 and had reported a position 400 m from r-ahead when r1 cancelled; cancelRide gave ${show(match)}: ` +
        "a freed driver is where it last reported, and takes the rider waiting longest in reach of it.",
    );
  });

  test("a rider who cancels a matched ride may ask again, and the driver is free for it", () => {
    const matcher = new RideMatcher();
    matcher.goOnline("d1", 19.4326, -99.1332);
    matcher.requestRide("r1", 19.4327, -99.1332);
    expect(matcher.cancelRide("r1")).toBeUndefined();
    expect([matcher.driverState("d1"), matcher.riderOf("d1"), matcher.riderState("r1")]).toEqual([
      "available",
      undefined,
      undefined,
    ]);
    expect(matcher.requestRide("r1", 19.433, -99.1332)?.driverId).toBe("d1");
  });
});

describe("hidden: refused calls name what was wrong and change nothing", () => {
  test("each message names the id and what to do", () => {
    const matcher = new RideMatcher();
    expect(messageOf(() => matcher.updateLocation("d7", 1, 1))).toMatch(/d7.*not online.*goOnline/);
    expect(messageOf(() => matcher.cancelRide("r7"))).toMatch(/r7.*no request.*requestRide/);
    matcher.goOnline("d1", 1, 1);
    expect(messageOf(() => matcher.pickUp("d1"))).toMatch(/d1.*available.*not en route/);
    expect(messageOf(() => matcher.dropOff("d1", 1, 1))).toMatch(/d1.*available.*not on a trip/);
    expect(messageOf(() => matcher.goOnline("d1", 2, 2))).toMatch(/d1.*already online.*available.*1, 1/);
    expect(messageOf(() => matcher.cancelRide(""))).toMatch(/riderId.*non-empty string.*""/);
    expect(messageOf(() => matcher.goOffline(null as unknown as string))).toMatch(/driverId.*non-empty string.*null/);
    expect(messageOf(() => matcher.goOnline("d2", 1, Number.NaN))).toMatch(/lat 1, lon NaN/);
    expect(messageOf(() => new RideMatcher({ radiusMetres: Number.POSITIVE_INFINITY }))).toMatch(/Infinity/);
    expect(messageOf(() => new RideMatcher({ radiusMetres: "5000" as unknown as number }))).toMatch(/got "5000"/);
    expect(messageOf(() => matcher.requestRide("r1", "38.7" as unknown as number, 0))).toMatch(/lat "38\.7", lon 0/);
    expect(messageOf(() => matcher.goOnline(undefined as unknown as string, 0, 0))).toMatch(/driverId.*got undefined/);
  });

  test("every driver call names the call and the id when the driver is unknown or the id is empty", () => {
    const matcher = new RideMatcher();
    expect(messageOf(() => matcher.updateLocation("d9", 0, 0))).toMatch(/cannot updateLocation driver "d9"/);
    expect(messageOf(() => matcher.goOffline("d9"))).toMatch(/cannot goOffline driver "d9"/);
    expect(messageOf(() => matcher.pickUp("d9"))).toMatch(/cannot pickUp driver "d9"/);
    expect(messageOf(() => matcher.dropOff("d9", 0, 0))).toMatch(/cannot dropOff driver "d9"/);
    for (const act of [
      () => matcher.updateLocation("", 0, 0),
      () => matcher.goOffline(""),
      () => matcher.pickUp(""),
      () => matcher.dropOff("", 0, 0),
      () => matcher.goOnline("", 0, 0),
    ]) {
      expect(messageOf(act)).toMatch(/^driverId must be a non-empty string, got ""$/);
    }
    expect(messageOf(() => matcher.requestRide("", 0, 0))).toMatch(/^riderId must be a non-empty string/);
  });

  test("the globe's edges are valid positions; just past them is refused, and only a real swap is called one", () => {
    const matcher = new RideMatcher();
    expect(matcher.goOnline("d-south-pole", -90, -180)).toBeUndefined();
    expect(matcher.goOnline("d-north-east", 90, 180)).toBeUndefined();
    expect(matcher.driverPosition("d-south-pole")).toEqual({ lat: -90, lon: -180 });
    expect(codeOf(RideMatchingError, () => matcher.requestRide("r1", -90.5, 0))).toBe("INVALID_COORDINATES");
    expect(codeOf(RideMatchingError, () => matcher.requestRide("r1", 0, 180.5))).toBe("INVALID_COORDINATES");
    expect(messageOf(() => matcher.requestRide("r1", 95, 100))).toMatch(/got lat 95, lon 100$/);
    expect(messageOf(() => matcher.requestRide("r1", 200, 10))).toMatch(/got lat 200, lon 10$/);
    expect(messageOf(() => matcher.requestRide("r1", 10, 200))).toMatch(/got lat 10, lon 200$/);
    expect(messageOf(() => matcher.requestRide("r1", 120, 45))).toMatch(/got lat 120, lon 45; they look swapped/);
  });

  test("a refused request, duplicate driver or bad update leaves every state and position as it was", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    matcher.goOnline("d1", 10, 10);
    matcher.requestRide("r-wait", 30, 30);
    expect(codeOf(RideMatchingError, () => matcher.requestRide("r-wait", 10, 10))).toBe("RIDER_BUSY");
    expect(codeOf(RideMatchingError, () => matcher.goOnline("d1", 30, 30))).toBe("DUPLICATE_DRIVER");
    expect(codeOf(RideMatchingError, () => matcher.updateLocation("d1", 30, 300))).toBe("INVALID_COORDINATES");
    expect(codeOf(RideMatchingError, () => matcher.dropOff("d1", 30, 30))).toBe("WRONG_STATE");
    expect(codeOf(RideMatchingError, () => matcher.goOnline("", 30, 30))).toBe("INVALID_ID");
    expect([matcher.driverState("d1"), matcher.riderState("r-wait"), matcher.waitingRiders()]).toEqual([
      "available",
      "waiting",
      ["r-wait"],
    ]);
    expect(matcher.driverPosition("d1")).toEqual({ lat: 10, lon: 10 });
    expect(matcher.updateLocation("d1", 30, 30.001)?.riderId).toBe("r-wait");
  });
});
