/**
 * The tests' answers, computed the slow and obvious way (given code, for the visible and hidden
 * tests): the matching rules applied to plain arrays, every driver and every waiting rider measured
 * on every call. A matcher must agree with it exactly: the same matches, the same distances to the
 * last bit, the same line.
 */
import { haversineMetres } from "./src/geo";
import type { DriverState, Match, RiderState } from "./src/ride-spec";

export interface ModelDriver {
  readonly id: string;
  lat: number;
  lon: number;
  state: DriverState;
  rider: string | undefined;
}

export interface ModelRider {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  state: RiderState;
  driver: string | undefined;
}

export class RulesModel {
  readonly drivers = new Map<string, ModelDriver>();
  readonly riders = new Map<string, ModelRider>();
  /** The waiting riders, longest waiting first. */
  readonly line: string[] = [];

  constructor(readonly radiusMetres: number) {}

  goOnline(id: string, lat: number, lon: number): Match | undefined {
    const driver: ModelDriver = { id, lat, lon, state: "available", rider: undefined };
    this.drivers.set(id, driver);
    return this.freed(driver);
  }

  updateLocation(id: string, lat: number, lon: number): Match | undefined {
    const driver = this.drivers.get(id) as ModelDriver;
    driver.lat = lat;
    driver.lon = lon;
    return driver.state === "available" ? this.freed(driver) : undefined;
  }

  goOffline(id: string): void {
    this.drivers.delete(id);
  }

  requestRide(id: string, lat: number, lon: number): Match | undefined {
    const rider: ModelRider = { id, lat, lon, state: "waiting", driver: undefined };
    this.riders.set(id, rider);
    const nearest = this.nearestAvailable(lat, lon);
    if (nearest === undefined) {
      this.line.push(id);
      return undefined;
    }
    return this.assign(nearest, rider);
  }

  cancelRide(id: string): Match | undefined {
    const rider = this.riders.get(id) as ModelRider;
    this.riders.delete(id);
    if (rider.state === "waiting") {
      this.line.splice(this.line.indexOf(id), 1);
      return undefined;
    }
    const driver = this.drivers.get(rider.driver as string) as ModelDriver;
    driver.state = "available";
    driver.rider = undefined;
    return this.freed(driver);
  }

  pickUp(id: string): void {
    const driver = this.drivers.get(id) as ModelDriver;
    driver.state = "on-trip";
    (this.riders.get(driver.rider as string) as ModelRider).state = "on-trip";
  }

  dropOff(id: string, lat: number, lon: number): Match | undefined {
    const driver = this.drivers.get(id) as ModelDriver;
    this.riders.delete(driver.rider as string);
    driver.lat = lat;
    driver.lon = lon;
    driver.state = "available";
    driver.rider = undefined;
    return this.freed(driver);
  }

  /** The available driver nearest to the pickup within the radius, ties by id. */
  nearestAvailable(lat: number, lon: number): ModelDriver | undefined {
    let best: ModelDriver | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const driver of this.drivers.values()) {
      if (driver.state !== "available") continue;
      const distance = haversineMetres(lat, lon, driver.lat, driver.lon);
      if (distance > this.radiusMetres) continue;
      if (distance < bestDistance || (distance === bestDistance && best !== undefined && driver.id < best.id)) {
        best = driver;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The waiting riders in reach of the driver, longest waiting first. */
  waitingInReach(driver: { lat: number; lon: number }): ModelRider[] {
    return this.line
      .map((id) => this.riders.get(id) as ModelRider)
      .filter((rider) => haversineMetres(rider.lat, rider.lon, driver.lat, driver.lon) <= this.radiusMetres);
  }

  /** An available driver takes the rider who has waited longest in reach, if any. */
  private freed(driver: ModelDriver): Match | undefined {
    const rider = this.waitingInReach(driver)[0];
    if (rider === undefined) return undefined;
    this.line.splice(this.line.indexOf(rider.id), 1);
    return this.assign(driver, rider);
  }

  private assign(driver: ModelDriver, rider: ModelRider): Match {
    driver.state = "en-route";
    driver.rider = rider.id;
    rider.state = "matched";
    rider.driver = driver.id;
    return {
      riderId: rider.id,
      driverId: driver.id,
      distanceMetres: haversineMetres(rider.lat, rider.lon, driver.lat, driver.lon),
    };
  }
}
