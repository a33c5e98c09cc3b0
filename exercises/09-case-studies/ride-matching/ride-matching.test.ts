import { codeOf, ensure, messageOf as messageOfError } from "#kata/testing";
import { runSeeded } from "./ride-check";
import { RideMatchingError } from "./src/errors";
import { haversineMetres } from "./src/geo";
import { RideMatcher, type Match } from "./src/ride-matching";

/** Rossio square, Lisbon: the pickups below are placed around it. */
const LISBON = { lat: 38.7139, lon: -9.1394 };
const METRES_PER_DEGREE = 111_195;

/** A position `north` and `east` metres from Lisbon's centre (roughly: the tests measure exactly). */
function near(north: number, east = 0): [number, number] {
  return [
    LISBON.lat + north / METRES_PER_DEGREE,
    LISBON.lon + east / (METRES_PER_DEGREE * Math.cos((LISBON.lat * Math.PI) / 180)),
  ];
}

function show(match: Match | undefined): string {
  return match === undefined ? "no match" : `${match.riderId} with ${match.driverId} (${match.distanceMetres} m)`;
}

const messageOf = (act: () => unknown): string => messageOfError(RideMatchingError, act);

describe("a request goes to the nearest available driver in reach", () => {
  test("the nearest of three drivers is matched, en route, and the distance is measured from the pickup", () => {
    const matcher = new RideMatcher({ radiusMetres: 3_000 });
    matcher.goOnline("d-far", ...near(2_500));
    matcher.goOnline("d-near", ...near(0, 800));
    matcher.goOnline("d-mid", ...near(-1_500));
    const pickup = near(100);
    const match = matcher.requestRide("r1", ...pickup);
    const [lat, lon] = near(0, 800);
    expect(match).toEqual({ riderId: "r1", driverId: "d-near", distanceMetres: haversineMetres(...pickup, lat, lon) });
    expect(matcher.driverState("d-near")).toBe("en-route");
    expect(matcher.riderState("r1")).toBe("matched");
    expect(matcher.driverOf("r1")).toBe("d-near");
    expect(matcher.riderOf("d-near")).toBe("r1");
    expect(matcher.driverState("d-far")).toBe("available");
    expect(matcher.waitingRiders()).toEqual([]);
  });

  test("a driver at exactly the radius is in reach; with none in reach the rider waits", () => {
    const pickup = near(0);
    const driver = near(1_800, 700);
    const radius = haversineMetres(...pickup, ...driver);
    const matcher = new RideMatcher({ radiusMetres: radius });
    matcher.goOnline("d1", ...driver);
    const match = matcher.requestRide("r1", ...pickup);
    ensure(
      match?.driverId === "d1",
      `d1 is ${radius} m from the pickup, exactly the radius, and requestRide gave ${show(match)}: ` +
        "a driver at exactly the radius is in reach (distance <= radius, not <).",
    );
    const tighter = new RideMatcher({ radiusMetres: radius * (1 - 1e-9) });
    tighter.goOnline("d1", ...driver);
    const none = tighter.requestRide("r1", ...pickup);
    ensure(
      none === undefined,
      `d1 is ${radius} m from the pickup, outside a radius of ${tighter.radiusMetres} m, and requestRide gave ${show(none)}: match only within the radius.`,
    );
    expect(tighter.riderState("r1")).toBe("waiting");
    expect(tighter.waitingRiders()).toEqual(["r1"]);
  });

  test("a driver who came online at exactly the radius of a waiting rider takes it", () => {
    const pickup = near(-300, 200);
    const driver = near(2_000, -900);
    const radius = haversineMetres(...pickup, ...driver);
    const matcher = new RideMatcher({ radiusMetres: radius });
    expect(matcher.requestRide("r1", ...pickup)).toBeUndefined();
    const match = matcher.goOnline("d1", ...driver);
    ensure(
      match?.riderId === "r1",
      `r1 waits ${radius} m from where d1 came online, exactly the radius, and goOnline gave ${show(match)}: ` +
        "a rider at exactly the radius is in reach (distance <= radius, not <).",
    );
  });

  test("at equal distance the smaller driver id is matched, whatever order the drivers came online in", () => {
    const rank = near(600, 600); // two drivers waiting at one taxi rank
    for (const order of [
      ["d-b", "d-a"],
      ["d-a", "d-b"],
    ]) {
      const matcher = new RideMatcher();
      for (const id of order) matcher.goOnline(id, ...rank);
      const match = matcher.requestRide("r1", ...near(0));
      ensure(
        match?.driverId === "d-a",
        `d-a and d-b wait at the same taxi rank, at the same distance from the pickup; they came online in the order ${order.join(", ")} ` +
          `and requestRide gave ${show(match)}: at equal distance the smaller id, d-a, gets the rider, whatever order they came in.`,
      );
    }
  });

  test("never two riders for one driver: a driver en route or on a trip is not matched again, wherever it reports being", () => {
    const matcher = new RideMatcher({ radiusMetres: 2_000 });
    matcher.goOnline("d1", ...near(0));
    matcher.requestRide("r1", ...near(100));
    // d1 drives towards r1 and reports its position; r2 asks for a ride right where d1 is.
    matcher.updateLocation("d1", ...near(50));
    const second = matcher.requestRide("r2", ...near(50));
    ensure(
      second === undefined,
      `d1 is en route to r1, and requestRide("r2") right next to it gave ${show(second)}: never two riders for one driver. ` +
        "A driver en route or on a trip is not available, whatever positions it reports.",
    );
    matcher.pickUp("d1");
    const moved = matcher.updateLocation("d1", ...near(60));
    ensure(
      moved === undefined && matcher.riderOf("d1") === "r1",
      `d1 is on a trip with r1 and moved past r2, who is waiting; updateLocation gave ${show(moved)} and d1's rider is now ` +
        `${String(matcher.riderOf("d1"))}: never two riders for one driver.`,
    );
    expect(matcher.driverState("d1")).toBe("on-trip");
    expect(matcher.waitingRiders()).toEqual(["r2"]);
  });
});

describe("the line of waiting riders", () => {
  test("a driver who comes online takes the rider who has waited longest in reach, not the nearest", () => {
    const matcher = new RideMatcher({ radiusMetres: 3_000 });
    matcher.requestRide("r-first", ...near(2_500));
    matcher.requestRide("r-far-away", ...near(40_000));
    matcher.requestRide("r-second", ...near(100));
    expect(matcher.waitingRiders()).toEqual(["r-first", "r-far-away", "r-second"]);
    const match = matcher.goOnline("d1", ...near(0));
    ensure(
      match?.riderId === "r-first",
      `r-first (2.5 km away) has waited longer than r-second (100 m away), both in reach of d1, and goOnline gave ${show(match)}: ` +
        "a driver who becomes available takes the rider who has waited longest in reach, not the nearest one.",
    );
    expect(matcher.waitingRiders()).toEqual(["r-far-away", "r-second"]);
    expect(matcher.riderState("r-first")).toBe("matched");
  });

  test("an available driver who moves into reach of a waiting rider takes it", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    matcher.goOnline("d1", ...near(5_000));
    matcher.requestRide("r1", ...near(0));
    expect(matcher.updateLocation("d1", ...near(2_000))).toBeUndefined();
    const match = matcher.updateLocation("d1", ...near(500));
    ensure(
      match?.riderId === "r1" && match.driverId === "d1",
      `d1 is available and moved to 500 m from r1, who is waiting; updateLocation gave ${show(match)}: ` +
        "a driver who came within reach of a waiting rider must take it, or the rider is left waiting next to a free car.",
    );
  });

  test("a drop-off frees the driver at the drop-off position, and it takes the rider waiting there", () => {
    const matcher = new RideMatcher({ radiusMetres: 1_000 });
    matcher.goOnline("d1", ...near(0));
    matcher.requestRide("r1", ...near(200));
    matcher.pickUp("d1");
    // While d1 drives r1 10 km north, two riders ask: one near the pickup, then one near the drop-off.
    matcher.requestRide("r-at-pickup", ...near(300));
    matcher.requestRide("r-at-drop-off", ...near(10_300));
    const match = matcher.dropOff("d1", ...near(10_000));
    ensure(
      match?.riderId === "r-at-drop-off",
      `d1 dropped r1 off 10 km north of the pickup, 300 m from r-at-drop-off, and dropOff gave ${show(match)}: ` +
        "a driver who drops a rider off is at the drop-off position and takes a rider in reach of it, not of where it picked r1 up.",
    );
    expect(matcher.driverPosition("d1")).toEqual({ lat: near(10_000)[0], lon: near(10_000)[1] });
    expect(matcher.riderState("r1")).toBeUndefined();
    expect(matcher.waitingRiders()).toEqual(["r-at-pickup"]);
  });

  test("a ride cancelled while the driver is en route frees the driver, who takes the rider waiting longest in reach", () => {
    const matcher = new RideMatcher({ radiusMetres: 2_000 });
    matcher.goOnline("d1", ...near(0));
    matcher.requestRide("r1", ...near(300));
    matcher.requestRide("r2", ...near(-500));
    expect(matcher.waitingRiders()).toEqual(["r2"]);
    const match = matcher.cancelRide("r1");
    ensure(
      match?.riderId === "r2" && match.driverId === "d1",
      `r1 cancelled while d1 was en route, and r2 waits 500 m from d1; cancelRide gave ${show(match)} and r2 is ` +
        `${String(matcher.riderState("r2"))}: the freed driver must take the rider waiting longest in reach, not leave it waiting.`,
    );
    expect(matcher.riderState("r1")).toBeUndefined();
    expect(matcher.riderOf("d1")).toBe("r2");
  });

  test("a waiting rider who cancels leaves the line and is never matched", () => {
    const matcher = new RideMatcher({ radiusMetres: 2_000 });
    matcher.requestRide("r1", ...near(0));
    matcher.requestRide("r2", ...near(100));
    expect(matcher.cancelRide("r1")).toBeUndefined();
    expect(matcher.waitingRiders()).toEqual(["r2"]);
    const match = matcher.goOnline("d1", ...near(50));
    ensure(
      match?.riderId === "r2",
      `r1 cancelled while waiting, and then d1 came online by both pickups; goOnline gave ${show(match)}: ` +
        "a cancelled rider must leave the line, and the next rider in it gets the driver.",
    );
  });

  test("after a drop-off the rider's request is over, and the rider may ask again", () => {
    const matcher = new RideMatcher();
    matcher.goOnline("d1", ...near(0));
    matcher.requestRide("r1", ...near(10));
    matcher.pickUp("d1");
    expect(matcher.riderState("r1")).toBe("on-trip");
    expect(matcher.driverState("d1")).toBe("on-trip");
    expect(matcher.dropOff("d1", ...near(3_000))).toBeUndefined();
    expect([matcher.riderState("r1"), matcher.driverOf("r1"), matcher.riderOf("d1")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(matcher.driverState("d1")).toBe("available");
    expect(matcher.requestRide("r1", ...near(2_900))?.driverId).toBe("d1");
  });
});

describe("many riders and drivers at once", () => {
  // Seeded interleavings of every call, checked after each one against the rules applied by brute
  // force (./ride-model.ts): the match made, every state, every pair and the line.
  test.each([1, 2, 3])("seed %i: 600 interleaved calls from 20 drivers and 40 riders follow the rules", (seed) => {
    const matcher = new RideMatcher({ radiusMetres: 1_500 });
    const problem = runSeeded(matcher, {
      seed,
      steps: 600,
      drivers: 20,
      riders: 40,
      radiusMetres: 1_500,
      centre: LISBON,
      spreadMetres: 3_000,
    });
    ensure(problem === undefined, problem ?? "");
  });
});

describe("bad input gets a RideMatchingError with a code, and changes nothing", () => {
  test("radiusMetres must be a positive, finite number of metres", () => {
    expect(new RideMatcher().radiusMetres).toBe(5_000);
    expect(new RideMatcher({ radiusMetres: 0.5 }).radiusMetres).toBe(0.5);
    for (const radiusMetres of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, "5000" as unknown as number]) {
      expect(codeOf(RideMatchingError, () => new RideMatcher({ radiusMetres }))).toBe("INVALID_OPTIONS");
    }
    expect(messageOf(() => new RideMatcher({ radiusMetres: -1 }))).toMatch(/radiusMetres.*positive.*-1.*5000/);
  });

  test("ids must be non-empty strings", () => {
    const matcher = new RideMatcher();
    expect(codeOf(RideMatchingError, () => matcher.goOnline("", ...near(0)))).toBe("INVALID_ID");
    expect(codeOf(RideMatchingError, () => matcher.requestRide(7 as unknown as string, ...near(0)))).toBe("INVALID_ID");
    expect(codeOf(RideMatchingError, () => matcher.cancelRide(""))).toBe("INVALID_ID");
    expect(messageOf(() => matcher.requestRide(7 as unknown as string, ...near(0)))).toMatch(
      /riderId.*non-empty string.*7/,
    );
    expect(matcher.waitingRiders()).toEqual([]);
  });

  test("coordinates must be on the globe; the message says when they look swapped", () => {
    const matcher = new RideMatcher();
    matcher.goOnline("d1", ...near(0));
    expect(codeOf(RideMatchingError, () => matcher.requestRide("r1", 91, 0))).toBe("INVALID_COORDINATES");
    expect(codeOf(RideMatchingError, () => matcher.goOnline("d2", 0, -180.5))).toBe("INVALID_COORDINATES");
    expect(codeOf(RideMatchingError, () => matcher.updateLocation("d1", Number.NaN, 0))).toBe("INVALID_COORDINATES");
    expect(codeOf(RideMatchingError, () => matcher.requestRide("r1", "38.7" as unknown as number, 0))).toBe(
      "INVALID_COORDINATES",
    );
    expect(messageOf(() => matcher.requestRide("r1", 139.65, 35.67))).toMatch(/139\.65.*35\.67.*swapped/);
    expect([matcher.riderState("r1"), matcher.driverState("d2")]).toEqual([undefined, undefined]);
    expect(matcher.driverPosition("d1")).toEqual({ lat: near(0)[0], lon: near(0)[1] });
  });

  test("a driver online twice, an unknown driver, a busy rider and an unknown rider are refused", () => {
    const matcher = new RideMatcher();
    matcher.goOnline("d1", ...near(0));
    expect(codeOf(RideMatchingError, () => matcher.goOnline("d1", ...near(10)))).toBe("DUPLICATE_DRIVER");
    expect(messageOf(() => matcher.goOnline("d1", ...near(10)))).toMatch(/d1.*updateLocation/);
    for (const act of [
      () => matcher.updateLocation("d9", ...near(0)),
      () => matcher.goOffline("d9"),
      () => matcher.pickUp("d9"),
      () => matcher.dropOff("d9", ...near(0)),
    ]) {
      expect(codeOf(RideMatchingError, act)).toBe("UNKNOWN_DRIVER");
    }
    expect(messageOf(() => matcher.pickUp("d9"))).toMatch(/d9.*goOnline/);
    matcher.requestRide("r1", ...near(20));
    expect(codeOf(RideMatchingError, () => matcher.requestRide("r1", ...near(30)))).toBe("RIDER_BUSY");
    expect(messageOf(() => matcher.requestRide("r1", ...near(30)))).toMatch(/r1.*matched/);
    expect(codeOf(RideMatchingError, () => matcher.cancelRide("r9"))).toBe("UNKNOWN_RIDER");
    expect([matcher.driverPosition("d1"), matcher.riderOf("d1")]).toEqual([{ lat: near(0)[0], lon: near(0)[1] }, "r1"]);
  });

  test("calls the states do not allow are refused with WRONG_STATE, and change nothing", () => {
    const matcher = new RideMatcher();
    matcher.goOnline("d1", ...near(0));
    expect(codeOf(RideMatchingError, () => matcher.pickUp("d1"))).toBe("WRONG_STATE");
    expect(codeOf(RideMatchingError, () => matcher.dropOff("d1", ...near(5)))).toBe("WRONG_STATE");
    matcher.requestRide("r1", ...near(10));
    expect(codeOf(RideMatchingError, () => matcher.goOffline("d1"))).toBe("WRONG_STATE");
    expect(messageOf(() => matcher.goOffline("d1"))).toMatch(/d1.*en-route.*r1/);
    expect(codeOf(RideMatchingError, () => matcher.dropOff("d1", ...near(5)))).toBe("WRONG_STATE");
    expect(matcher.driverState("d1")).toBe("en-route");
    matcher.pickUp("d1");
    expect(codeOf(RideMatchingError, () => matcher.pickUp("d1"))).toBe("WRONG_STATE");
    expect(codeOf(RideMatchingError, () => matcher.cancelRide("r1"))).toBe("WRONG_STATE");
    expect(messageOf(() => matcher.cancelRide("r1"))).toMatch(/r1.*on the trip.*drop-off/);
    expect([matcher.driverState("d1"), matcher.riderState("r1"), matcher.riderOf("d1")]).toEqual([
      "on-trip",
      "on-trip",
      "r1",
    ]);
    matcher.dropOff("d1", ...near(5));
    matcher.goOffline("d1");
    expect(matcher.driverState("d1")).toBeUndefined();
    expect(matcher.requestRide("r2", ...near(0))).toBeUndefined();
  });
});
