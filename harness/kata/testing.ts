/**
 * Helpers for exercise tests, imported as `#kata/testing`: seeded data, property-test settings,
 * and assertions whose failure message teaches.
 *
 * Every random thing in a test comes from a seed. The seed is fixed per test file and can be
 * overridden with KATA_SEED=<n> to explore, and every failure that depends on one prints it.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
// The English locale alone. The package's main entry loads every locale, about 260 ms, and jest
// loads modules afresh in every test file; this entry takes about 40 ms and draws the same values.
// Its types come from the same entry: the main one's declarations pull in every locale's too,
// which made type-checking one exercise (kata test, kata watch) a second slower.
import { faker as englishFaker } from "@faker-js/faker/locale/en";

type Faker = typeof englishFaker;
type LocaleDefinition = Faker["rawDefinitions"];
import type { CodedError } from "../core/coded-error";

/** The seed tests use unless KATA_SEED overrides it. */
export const DEFAULT_SEED = 20261122;

export function testSeed(): number {
  const fromEnv = process.env.KATA_SEED;
  if (fromEnv === undefined || fromEnv === "") return DEFAULT_SEED;
  const seed = Number(fromEnv);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(
      `KATA_SEED must be an integer, got ${JSON.stringify(fromEnv)}; unset it to use the default seed ${DEFAULT_SEED}`,
    );
  }
  return seed;
}

/** The Faker class, reached through the English instance: that entry exports no class of its own. */
const EnglishFaker = englishFaker.constructor as new (options: { locale: LocaleDefinition[] }) => Faker;

/** A faker of its own, seeded, so one test's draws do not shift another's. */
export function seededFaker(seed: number = testSeed()): Faker {
  const faker = new EnglishFaker({ locale: [englishFaker.rawDefinitions] });
  faker.seed(seed);
  return faker;
}

/** `count` distinct, realistic keys (user ids, emails, order numbers), the same for a given seed. */
export function sampleKeys(count: number, seed: number = testSeed()): string[] {
  const faker = seededFaker(seed);
  const keys = new Set<string>();
  const makers = [
    () => `user:${faker.string.uuid()}`,
    () => faker.internet.email().toLowerCase(),
    () => `order-${faker.string.numeric(10)}`,
    () => `session:${faker.string.alphanumeric(16)}`,
  ];
  while (keys.size < count) {
    const make = makers[keys.size % makers.length] as () => string;
    keys.add(make());
  }
  return [...keys];
}

/** Settings for fast-check's `fc.assert`: the test seed, so a failing property replays exactly. */
export function propertySettings(numRuns = 100): { seed: number; numRuns: number } {
  return { seed: testSeed(), numRuns };
}

/**
 * Fails the test with `lesson` unless `condition` holds. Use it where `expect(a).toBe(b)` would
 * only say "expected true": the lesson names the figures and what a correct design gives.
 */
export function ensure(condition: boolean, lesson: string): asserts condition {
  if (!condition) {
    const error = new Error(lesson);
    error.name = "KataAssertion";
    // Start the stack at the caller, so jest's code frame shows the test's line, not this one.
    Error.captureStackTrace(error, ensure);
    throw error;
  }
}

/** A percentage for failure messages: 0.4712 -> "47.1%". */
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/**
 * Starts `server` on 127.0.0.1 with a port the system picks and returns its base URL
 * ("http://127.0.0.1:41234"). Pair it with closeServer in afterAll.
 */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server started by listenOnLoopback; does nothing if it never started. */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export { deferred, flushPromises, type Deferred } from "./async";
export { ManualClock, type CancellableTimer } from "./manual-clock";
export { tempDatabase, type TempDatabase } from "./temp-database";

type CodedErrorClass<C extends string> = abstract new (code: C, message: string) => CodedError<C>;

/**
 * Runs `act` and returns the `ErrorClass` error it throws. Any other error is rethrown as it is
 * (so a stub's not-implemented message reaches the learner), and a call that returns normally
 * fails the test.
 */
function thrownBy<C extends string>(ErrorClass: CodedErrorClass<C>, act: () => unknown): CodedError<C> {
  try {
    act();
  } catch (error) {
    if (error instanceof ErrorClass) return error;
    throw error;
  }
  throw new Error(`expected a ${ErrorClass.name}, but the call returned normally`);
}

/** The `code` of the `ErrorClass` error that `act` throws (see thrownBy). */
export function codeOf<C extends string>(ErrorClass: CodedErrorClass<C>, act: () => unknown): C {
  return thrownBy(ErrorClass, act).code;
}

/** The message of the `ErrorClass` error that `act` throws, for tests of what a message names. */
export function messageOf<C extends string>(ErrorClass: CodedErrorClass<C>, act: () => unknown): string {
  return thrownBy(ErrorClass, act).message;
}

/** codeOf for calls that may throw or return a rejected promise. */
export async function codeOfAsync<C extends string>(ErrorClass: CodedErrorClass<C>, act: () => unknown): Promise<C> {
  try {
    await act();
  } catch (error) {
    if (error instanceof ErrorClass) return error.code;
    throw error;
  }
  throw new Error(`expected a ${ErrorClass.name}, but the call succeeded`);
}
