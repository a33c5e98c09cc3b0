/**
 * Seeded runs of many riders and drivers at once, checked call by call against the rules (given
 * code, for the visible and hidden tests). Requests, cancellations, location updates, pick-ups and
 * drop-offs from dozens of riders and drivers arrive interleaved, as they do at a dispatcher; after
 * every call the matcher must have made the match the rules make, and its states and line must be
 * the model's. A failure names the rule that broke, the seed and the last calls.
 */
import { Prng } from "#kata/sim";
import { RulesModel, type ModelDriver } from "./ride-model";
import { haversineMetres } from "./src/geo";
import type { Match } from "./src/ride-spec";
import type { RideMatcher } from "./src/ride-matching";

/** The calls that can put a rider and a driver together, and what each means for the rules. */
export type MatchingCall =
  | { kind: "goOnline"; driverId: string; lat: number; lon: number }
  | { kind: "updateLocation"; driverId: string; lat: number; lon: number }
  | { kind: "dropOff"; driverId: string; lat: number; lon: number }
  | { kind: "requestRide"; riderId: string; lat: number; lon: number }
  | { kind: "cancelRide"; riderId: string };

export type Call = MatchingCall | { kind: "goOffline"; driverId: string } | { kind: "pickUp"; driverId: string };

export function describeCall(call: Call): string {
  switch (call.kind) {
    case "goOnline":
    case "updateLocation":
    case "dropOff":
      return `${call.kind}("${call.driverId}", ${call.lat}, ${call.lon})`;
    case "requestRide":
      return `requestRide("${call.riderId}", ${call.lat}, ${call.lon})`;
    case "cancelRide":
      return `cancelRide("${call.riderId}")`;
    case "goOffline":
    case "pickUp":
      return `${call.kind}("${call.driverId}")`;
  }
}

function showMatch(match: Match | undefined): string {
  return match === undefined
    ? "no match"
    : `{ riderId: "${match.riderId}", driverId: "${match.driverId}", distanceMetres: ${match.distanceMetres} }`;
}

/**
 * What is wrong with `got`, the match the matcher returned for `call`, given `expected`, the rules'
 * match; undefined when they agree. `before` is the model as it was before the call.
 */
export function explainMatch(
  call: MatchingCall,
  got: Match | undefined,
  expected: Match | undefined,
  before: RulesModel,
): string | undefined {
  if (
    got?.riderId === expected?.riderId &&
    got?.driverId === expected?.driverId &&
    got?.distanceMetres === expected?.distanceMetres
  ) {
    return undefined;
  }
  const head = `${describeCall(call)} returned ${showMatch(got)}, but the rules give ${showMatch(expected)}.`;
  const radius = before.radiusMetres;
  if (got !== undefined) {
    const driver = before.drivers.get(got.driverId);
    const rider = before.riders.get(got.riderId);
    const freedByThisCall =
      (call.kind === "dropOff" && call.driverId === got.driverId) ||
      (call.kind === "cancelRide" && driver?.rider === call.riderId);
    if (driver !== undefined && driver.state !== "available" && !freedByThisCall) {
      return `${head} Driver "${got.driverId}" already has rider "${driver.rider}" (${driver.state}): never two riders for one driver. A driver who is en route or on a trip is not available, whatever positions it reports.`;
    }
    if (call.kind !== "requestRide" && rider === undefined) {
      return `${head} Rider "${got.riderId}" has no request (it cancelled, or its trip is over): a cancelled rider must leave the line.`;
    }
    const pickup = call.kind === "requestRide" ? call : rider;
    const at =
      call.kind === "requestRide" || call.kind === "cancelRide"
        ? before.drivers.get(got.driverId)
        : { lat: call.lat, lon: call.lon };
    if (pickup !== undefined && at !== undefined) {
      const distance = haversineMetres(pickup.lat, pickup.lon, at.lat, at.lon);
      if (distance > radius) {
        const where = call.kind === "dropOff" ? "the drop-off position" : "where the driver is now";
        return `${head} "${got.driverId}" is ${distance} m from "${got.riderId}"'s pickup, measured from ${where}: outside the radius of ${radius} m. Match only within the radius, and measure from the driver's latest position${call.kind === "dropOff" ? " (a driver who drops a rider off is at the drop-off position, not where it picked the rider up)" : ""}.`;
      }
      if (got.distanceMetres !== distance) {
        return `${head} distanceMetres must be haversineMetres(pickup.lat, pickup.lon, driver.lat, driver.lon) at the match, ${distance}.`;
      }
    }
  }
  if (expected === undefined) {
    return `${head} The rules leave this rider waiting: no available driver is in reach.`;
  }
  const exactly =
    expected.distanceMetres === radius
      ? ` (at exactly the radius, ${radius} m: in reach means distance <= radius, not <)`
      : "";
  if (got === undefined) {
    if (call.kind === "requestRide") {
      return `${head} Driver "${expected.driverId}" is available, ${expected.distanceMetres} m from the pickup${exactly}: the rider must not be left waiting.`;
    }
    return `${head} After ${describeCall(call)} driver "${expected.driverId}" is available in reach of "${expected.riderId}"${exactly}, who was left waiting: a driver who becomes available (online, after a drop-off, after its rider cancelled, or moving) takes the rider who has waited longest in reach.`;
  }
  if (got.riderId === expected.riderId) {
    if (got.distanceMetres === expected.distanceMetres) {
      return `${head} "${expected.driverId}" and "${got.driverId}" are at the same distance, ${got.distanceMetres} m: at equal distance the smaller driver id gets the rider, whatever order the drivers came online in.`;
    }
    return `${head} "${expected.driverId}" is nearer (${expected.distanceMetres} m) than "${got.driverId}" (${got.distanceMetres} m): a request goes to the nearest available driver in reach.`;
  }
  const line = before.line;
  if (line.includes(got.riderId) && line.indexOf(expected.riderId) < line.indexOf(got.riderId)) {
    return `${head} "${expected.riderId}" has waited longer than "${got.riderId}" (line: ${line.join(", ")}): a driver who becomes available takes the rider who has waited longest in reach, not the nearest one.`;
  }
  return head;
}

/** The first way the matcher's states, pairs and line differ from the model's, or undefined. */
export function explainState(
  matcher: RideMatcher,
  model: RulesModel,
  driverIds: string[],
  riderIds: string[],
): string | undefined {
  for (const id of driverIds) {
    const expected: ModelDriver | undefined = model.drivers.get(id);
    const state = matcher.driverState(id);
    if (state !== expected?.state) {
      return `driverState("${id}") is ${String(state)}, but by the rules it is ${String(expected?.state)}.`;
    }
    const rider = matcher.riderOf(id);
    if (rider !== expected?.rider) {
      return `riderOf("${id}") is ${String(rider)}, but by the rules the driver's rider is ${String(expected?.rider)}.`;
    }
  }
  const riderOfDriver = new Map<string, string>();
  for (const id of riderIds) {
    const expected = model.riders.get(id);
    const state = matcher.riderState(id);
    if (state !== expected?.state) {
      return `riderState("${id}") is ${String(state)}, but by the rules it is ${String(expected?.state)}.`;
    }
    const driver = matcher.driverOf(id);
    if (driver !== undefined) {
      const other = riderOfDriver.get(driver);
      if (other !== undefined)
        return `riders "${other}" and "${id}" both have driver "${driver}": never two riders for one driver.`;
      riderOfDriver.set(driver, id);
    }
    if (driver !== expected?.driver) {
      return `driverOf("${id}") is ${String(driver)}, but by the rules the rider's driver is ${String(expected?.driver)}.`;
    }
  }
  const line = matcher.waitingRiders();
  if (line.join() !== model.line.join()) {
    return `waitingRiders() is [${line.join(", ")}], but the line by the rules is [${model.line.join(", ")}] (longest waiting first).`;
  }
  return undefined;
}

export interface RunShape {
  readonly seed: number;
  readonly steps: number;
  readonly drivers: number;
  readonly riders: number;
  readonly radiusMetres: number;
  /** Where the run happens, and how far from there (in metres) positions may fall. */
  readonly centre: { lat: number; lon: number };
  readonly spreadMetres: number;
}

const METRES_PER_DEGREE = 111_195;

/**
 * Runs `shape.steps` seeded calls against the matcher and the model; returns what first went
 * wrong, with the seed and the last calls, or undefined. About a fifth of new positions land on
 * another driver's or rider's exact coordinates, so ties and zero distances come up often.
 */
export function runSeeded(matcher: RideMatcher, shape: RunShape): string | undefined {
  const random = new Prng(shape.seed);
  const model = new RulesModel(shape.radiusMetres);
  const driverIds = Array.from({ length: shape.drivers }, (_, i) => `d${String(i).padStart(2, "0")}`);
  const riderIds = Array.from({ length: shape.riders }, (_, i) => `r${String(i).padStart(2, "0")}`);
  const recent: string[] = [];
  const cosLat = Math.cos((shape.centre.lat * Math.PI) / 180);

  const somewhere = (): { lat: number; lon: number } => {
    if (random.chance(0.2)) {
      const known = [...model.drivers.values(), ...model.riders.values()];
      const pick = known[Math.floor(random.next() * known.length)];
      if (pick !== undefined) return { lat: pick.lat, lon: pick.lon };
    }
    const north = random.between(-1, 1) * shape.spreadMetres;
    const east = random.between(-1, 1) * shape.spreadMetres;
    let lon = shape.centre.lon + east / (METRES_PER_DEGREE * cosLat);
    if (lon > 180) lon -= 360;
    if (lon < -180) lon += 360;
    return { lat: Math.max(-90, Math.min(90, shape.centre.lat + north / METRES_PER_DEGREE)), lon };
  };
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random.next() * items.length)];

  const nextCall = (): Call | undefined => {
    const drivers = [...model.drivers.values()];
    const roll = random.next();
    if (roll < 0.15) {
      const id = pick(driverIds.filter((d) => !model.drivers.has(d)));
      if (id !== undefined) return { kind: "goOnline", driverId: id, ...somewhere() };
    } else if (roll < 0.2) {
      const driver = pick(drivers.filter((d) => d.state === "available"));
      if (driver !== undefined) return { kind: "goOffline", driverId: driver.id };
    } else if (roll < 0.45) {
      const driver = pick(drivers);
      if (driver !== undefined) return { kind: "updateLocation", driverId: driver.id, ...somewhere() };
    } else if (roll < 0.7) {
      const id = pick(riderIds.filter((r) => !model.riders.has(r)));
      if (id !== undefined) return { kind: "requestRide", riderId: id, ...somewhere() };
    } else if (roll < 0.78) {
      const rider = pick([...model.riders.values()].filter((r) => r.state !== "on-trip"));
      if (rider !== undefined) return { kind: "cancelRide", riderId: rider.id };
    } else if (roll < 0.89) {
      const driver = pick(drivers.filter((d) => d.state === "en-route"));
      if (driver !== undefined) return { kind: "pickUp", driverId: driver.id };
    } else {
      const driver = pick(drivers.filter((d) => d.state === "on-trip"));
      if (driver !== undefined) return { kind: "dropOff", driverId: driver.id, ...somewhere() };
    }
    return undefined;
  };

  for (let step = 1; step <= shape.steps; step++) {
    const call = nextCall();
    if (call === undefined) continue;
    recent.push(describeCall(call));
    if (recent.length > 6) recent.shift();
    const before = snapshot(model);
    let got: Match | undefined;
    try {
      got = apply(matcher, call);
    } catch (error) {
      return `seed ${shape.seed}, step ${step}: ${describeCall(call)} threw ${(error as Error).message}. Last calls: ${recent.join("; ")}.`;
    }
    const expected = apply(model, call);
    const problem =
      (call.kind === "goOffline" || call.kind === "pickUp" ? undefined : explainMatch(call, got, expected, before)) ??
      explainState(matcher, model, driverIds, riderIds);
    if (problem !== undefined) {
      return `seed ${shape.seed}, step ${step}: ${problem} Last calls: ${recent.join("; ")}.`;
    }
  }
  return undefined;
}

interface Dispatcher {
  goOnline(driverId: string, lat: number, lon: number): Match | undefined;
  updateLocation(driverId: string, lat: number, lon: number): Match | undefined;
  goOffline(driverId: string): void;
  requestRide(riderId: string, lat: number, lon: number): Match | undefined;
  cancelRide(riderId: string): Match | undefined;
  pickUp(driverId: string): void;
  dropOff(driverId: string, lat: number, lon: number): Match | undefined;
}

export function apply(target: Dispatcher, call: Call): Match | undefined {
  switch (call.kind) {
    case "goOnline":
      return target.goOnline(call.driverId, call.lat, call.lon);
    case "updateLocation":
      return target.updateLocation(call.driverId, call.lat, call.lon);
    case "goOffline":
      target.goOffline(call.driverId);
      return undefined;
    case "requestRide":
      return target.requestRide(call.riderId, call.lat, call.lon);
    case "cancelRide":
      return target.cancelRide(call.riderId);
    case "pickUp":
      target.pickUp(call.driverId);
      return undefined;
    case "dropOff":
      return target.dropOff(call.driverId, call.lat, call.lon);
  }
}

/** A copy of the model's drivers, riders and line, to explain a call against what came before it. */
function snapshot(model: RulesModel): RulesModel {
  const copy = new RulesModel(model.radiusMetres);
  for (const [id, d] of model.drivers) copy.drivers.set(id, { ...d });
  for (const [id, r] of model.riders) copy.riders.set(id, { ...r });
  copy.line.push(...model.line);
  return copy;
}
