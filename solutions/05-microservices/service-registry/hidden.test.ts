import { closeServer, codeOf, ensure, messageOf, seededFaker } from "#kata/testing";
import { errorOf, idsOf, registryAt, serveRegistry, type RegistryOverHttp } from "./registry-test-kit";
import { RegistryError } from "./src/errors";
import { ServiceRegistry, type Registration } from "./src/service-registry";

const AT = (port: number, ttlMs?: number): Registration =>
  ttlMs === undefined ? { host: "10.0.0.7", port } : { host: "10.0.0.7", port, ttlMs };

describe("leases, more edges", () => {
  it("the deadline of an earlier lease does not remove an instance that renewed", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 10_000));
    clock.advance(6_000);
    registry.heartbeat("payments", "pay-1"); // now until 16,000
    clock.advance(4_000); // t = 10,000: the first lease's deadline
    ensure(
      idsOf(registry, "payments").length === 1,
      "at t=10,000 pay-1 vanished, though a heartbeat at t=6,000 renewed it until 16,000: the earlier lease's deadline removed it",
    );
    clock.advance(5_999);
    expect(idsOf(registry, "payments")).toEqual(["pay-1"]);
    clock.advance(1);
    expect(idsOf(registry, "payments")).toEqual([]);
  });

  it("a re-registration with a longer lease outlives the earlier lease's deadline", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 5_000));
    clock.advance(1_000);
    registry.register("payments", "pay-1", AT(8081, 60_000));
    clock.advance(10_000);
    ensure(
      idsOf(registry, "payments").length === 1,
      "the 5 s lease of the earlier registration removed pay-1, which had re-registered for 60 s",
    );
  });

  it("deregister, then register again: the old lease's deadline does not remove the new registration", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 5_000));
    registry.deregister("payments", "pay-1");
    clock.advance(1_000);
    registry.register("payments", "pay-1", AT(8081, 30_000));
    clock.advance(4_500);
    ensure(
      idsOf(registry, "payments").length === 1,
      "an earlier lease (deregistered) ended at t=5,000 and took the new registration with it",
    );
    expect(registry.size).toBe(1);
  });

  it("a heartbeat keeps the ttlMs the instance registered with, not the registry's default", () => {
    const { registry, clock } = registryAt({ defaultTtlMs: 30_000 });
    registry.register("payments", "pay-1", AT(8081, 120_000));
    clock.advance(100_000);
    const renewed = registry.heartbeat("payments", "pay-1");
    ensure(
      renewed.expiresAt === 220_000 && renewed.ttlMs === 120_000,
      `the heartbeat renewed until ${renewed.expiresAt} (ttlMs ${renewed.ttlMs}); an instance that asked for 120 s keeps its own ttlMs on every heartbeat`,
    );
  });

  it("a heartbeat at exactly expiresAt comes too late", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 3_000));
    clock.advance(2_999);
    registry.heartbeat("payments", "pay-1"); // until 5,999
    clock.advance(3_000);
    expect(codeOf(RegistryError, () => registry.heartbeat("payments", "pay-1"))).toBe("UNKNOWN_INSTANCE");
    expect(registry.services()).toEqual([]);
  });

  it("deregister after the lease ended is UNKNOWN_INSTANCE", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 1_000));
    clock.advance(1_000);
    expect(codeOf(RegistryError, () => registry.deregister("payments", "pay-1"))).toBe("UNKNOWN_INSTANCE");
  });

  it("the default lease and maxTtlMs are the registry's options", () => {
    const { registry } = registryAt({ defaultTtlMs: 2_000, maxTtlMs: 10_000 });
    expect(registry.register("a", "a-1", AT(1)).ttlMs).toBe(2_000);
    expect(registry.register("a", "a-2", AT(2, 10_000)).ttlMs).toBe(10_000);
    expect(codeOf(RegistryError, () => registry.register("a", "a-3", AT(3, 10_001)))).toBe("INVALID_REGISTRATION");
    expect(registry.register("a", "a-4", AT(4, 1_000)).expiresAt).toBe(1_000);
  });
});

describe("what discover() hands out", () => {
  it("follows every change: new instances, a new address, a critical status, an expiry", () => {
    const { registry, clock } = registryAt();
    registry.register("search", "b", AT(2, 20_000));
    registry.register("search", "a", AT(1, 10_000));
    expect(idsOf(registry, "search")).toEqual(["a", "b"]);
    registry.register("search", "c", AT(3, 30_000));
    expect(idsOf(registry, "search")).toEqual(["a", "b", "c"]);
    registry.register("search", "b", { host: "10.9.9.9", port: 2, ttlMs: 20_000 });
    expect(registry.discover("search")[1]?.host).toBe("10.9.9.9");
    registry.heartbeat("search", "c", "critical");
    const afterCritical = idsOf(registry, "search");
    ensure(
      afterCritical.join() === "a,b",
      `c reported critical, yet discover() still lists [${afterCritical.join(", ")}]: a list kept between calls must be rebuilt when a status changes`,
    );
    clock.advance(10_000);
    expect(idsOf(registry, "search")).toEqual(["b"]);
  });

  it("sorts instance ids by code unit, the same on every machine", () => {
    const { registry } = registryAt();
    for (const id of ["b-10", "B-2", "a.1", "a_1", "a-1", "10"]) registry.register("svc", id, AT(80));
    expect(idsOf(registry, "svc")).toEqual(["10", "B-2", "a-1", "a.1", "a_1", "b-10"]);
  });

  it("metadata is a copy: changing the object registered changes nothing listed", () => {
    const { registry } = registryAt();
    const metadata: Record<string, string> = { zone: "a" };
    registry.register("svc", "n-1", { host: "h", port: 80, metadata });
    metadata.zone = "b";
    expect(registry.discover("svc")[0]?.metadata).toEqual({ zone: "a" });
  });

  it("services() counts passing and registered instances per live service, sorted by name", () => {
    const { registry, clock } = registryAt();
    registry.register("web", "w-1", AT(1));
    registry.register("api", "a-1", AT(2));
    registry.register("api", "a-2", AT(3, 1_000));
    registry.heartbeat("api", "a-1", "critical");
    expect(registry.services()).toEqual([
      { service: "api", passing: 1, registered: 2 },
      { service: "web", passing: 1, registered: 1 },
    ]);
    clock.advance(1_000);
    expect(registry.services()).toEqual([
      { service: "api", passing: 0, registered: 1 },
      { service: "web", passing: 1, registered: 1 },
    ]);
  });
});

describe("bad input, more", () => {
  it("a refused re-registration leaves the first one, lease included", () => {
    const { registry, clock } = registryAt();
    registry.register("svc", "n-1", AT(80, 5_000));
    clock.advance(4_000);
    expect(
      codeOf(RegistryError, () => registry.register("svc", "n-1", { host: "h", port: 80, metadata: [] as never })),
    ).toBe("INVALID_REGISTRATION");
    clock.advance(1_000);
    expect(idsOf(registry, "svc")).toEqual([]);
  });

  it("names: 64 characters are fine, 65 are not; dots, dashes and underscores inside", () => {
    const { registry } = registryAt();
    registry.register("a".repeat(64), "x.y_z-1", AT(80));
    expect(codeOf(RegistryError, () => registry.register("svc", "_x", AT(80)))).toBe("INVALID_NAME");
    expect(codeOf(RegistryError, () => registry.heartbeat("svc", 7 as unknown as string))).toBe("INVALID_NAME");
  });

  it("ports 1 and 65535 are fine; a fractional port or a NaN lease is not", () => {
    const { registry } = registryAt();
    registry.register("svc", "lo", AT(1));
    registry.register("svc", "hi", AT(65_535));
    expect(codeOf(RegistryError, () => registry.register("svc", "f", AT(80.5)))).toBe("INVALID_REGISTRATION");
    expect(codeOf(RegistryError, () => registry.register("svc", "n", AT(80, Number.NaN)))).toBe("INVALID_REGISTRATION");
  });

  it("more than 32 metadata labels is INVALID_REGISTRATION naming metadata", () => {
    const { registry } = registryAt();
    const metadata = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, "v"]));
    expect(messageOf(RegistryError, () => registry.register("svc", "n", { host: "h", port: 80, metadata }))).toContain(
      "metadata",
    );
  });

  it("INVALID_OPTION for a maxTtlMs under a second or a clock that is not a function", () => {
    expect(codeOf(RegistryError, () => new ServiceRegistry({ maxTtlMs: 999 }))).toBe("INVALID_OPTION");
    expect(codeOf(RegistryError, () => new ServiceRegistry({ clock: 5 as unknown as () => number }))).toBe(
      "INVALID_OPTION",
    );
  });
});

describe("what a refusal says", () => {
  const reg = (registration: unknown): string => {
    const { registry } = registryAt();
    return messageOf(RegistryError, () => registry.register("svc", "n-1", registration as Registration));
  };

  it("hosts: 253 characters are fine, 254 are not; a tab or a number is not a host", () => {
    const { registry } = registryAt();
    registry.register("svc", "n-1", { host: "h".repeat(253), port: 80 });
    expect(reg({ host: "h".repeat(254), port: 80 })).toContain("host");
    expect(reg({ host: "10.0.0.1\t", port: 80 })).toContain("host");
    expect(reg({ host: 10, port: 80 })).toMatch(/host.*got 10/);
    expect(reg({ port: 80 })).toMatch(/host.*got nothing/);
  });

  it("metadata: 32 labels are fine; an empty key, null, an array are not, and the message says which", () => {
    const { registry } = registryAt();
    const labels = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, "v"]));
    expect(registry.register("svc", "n-1", { host: "h", port: 80, metadata: labels }).metadata).toEqual(labels);
    expect(reg({ host: "h", port: 80, metadata: { "": "v" } })).toContain("(empty key)");
    expect(reg({ host: "h", port: 80, metadata: { zone: 3 } })).toMatch(/metadata\.zone.*got 3/);
    expect(reg({ host: "h", port: 80, metadata: null })).toMatch(/metadata.*got null/);
    expect(reg({ host: "h", port: 80, metadata: ["a"] })).toMatch(/metadata.*got \["a"\]/);
    expect(
      reg({ host: "h", port: 80, metadata: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, "v"])) }),
    ).toContain("33 labels");
  });

  it("a long value is cut in the message, a short one is shown whole", () => {
    expect(reg({ host: "h", port: "x".repeat(100) })).toContain(`"${"x".repeat(56)}...`);
    expect(reg({ host: "h", port: "x".repeat(58) })).toContain(`"${"x".repeat(58)}"`);
    expect(reg(["h", 80])).toMatch(/object.*got \["h",80\]/);
    expect(reg({ host: "h", port: 80, ttl: 5 })).toContain('"ttl"');
    expect(reg({ host: "h", port: 80, ttlMs: 500 })).toMatch(/ttlMs.*\[1000, 300000\].*got 500/);
  });

  it("names, statuses and unknown instances are named in their messages", () => {
    const { registry } = registryAt();
    expect(messageOf(RegistryError, () => registry.discover("bad name"))).toContain('"bad name"');
    registry.register("svc", "n-1", AT(80));
    expect(messageOf(RegistryError, () => registry.heartbeat("svc", "n-1", "UP" as "passing"))).toContain('"UP"');
    expect(messageOf(RegistryError, () => registry.heartbeat("svc", "n-2"))).toMatch(/heartbeat: svc\/n-2/);
    expect(messageOf(RegistryError, () => registry.deregister("svc", "n-3"))).toMatch(/deregister: svc\/n-3/);
  });

  it("options: maxTtlMs of exactly 1 s is fine and names itself when refused; a default equal to the maximum is fine", () => {
    expect(() => new ServiceRegistry({ maxTtlMs: 1_000 })).not.toThrow();
    expect(messageOf(RegistryError, () => new ServiceRegistry({ maxTtlMs: 999 }))).toContain("maxTtlMs must be");
    expect(messageOf(RegistryError, () => new ServiceRegistry({ maxTtlMs: 1_500.5 }))).toContain("maxTtlMs must be");
    expect(() => new ServiceRegistry({ defaultTtlMs: 60_000, maxTtlMs: 60_000 })).not.toThrow();
    expect(() => new ServiceRegistry({ defaultTtlMs: 1_000 })).not.toThrow();
    expect(messageOf(RegistryError, () => new ServiceRegistry({ defaultTtlMs: 60_001, maxTtlMs: 60_000 }))).toContain(
      "defaultTtlMs",
    );
  });

  it("two hundred leases of all lengths end each at its own instant", () => {
    const faker = seededFaker(99);
    const { registry, clock } = registryAt();
    const ends: number[] = [];
    for (let i = 0; i < 200; i++) {
      const ttl = faker.number.int({ min: 1_000, max: 20_000 });
      registry.register(`svc-${i % 7}`, `n-${i}`, AT(80, ttl));
      ends.push(ttl);
    }
    for (let t = 0; t <= 20_000; t += 250) {
      clock.advance(t - clock.now());
      const live = ends.filter((end) => end > t).length;
      ensure(
        registry.size === live,
        `at t=${t} the registry holds ${registry.size} instances; ${live} leases have not ended`,
      );
    }
  });
});

describe("the HTTP API, more", () => {
  let api: RegistryOverHttp;
  beforeAll(async () => {
    api = await serveRegistry();
  });
  afterAll(() => closeServer(api.server));

  it("every error body is JSON with error and message", async () => {
    const answers = await Promise.all([
      api.call("GET", "/v1/services/orders/instances"),
      api.call("DELETE", "/v1/services/orders/instances/none"),
      api.call("PUT", "/v1/services/orders/instances/x", "[1, 2]"),
      api.call("PUT", "/v1/services/orders/instances/x", "nul"),
      api.call("PATCH", "/v1/services/orders/instances/x"),
    ]);
    expect(answers.map((a) => [a.status, errorOf(a)])).toEqual([
      [404, "NOT_FOUND"],
      [404, "UNKNOWN_INSTANCE"],
      [400, "INVALID_REGISTRATION"],
      [400, "INVALID_JSON"],
      [405, "METHOD_NOT_ALLOWED"],
    ]);
    for (const answer of answers) {
      expect(typeof (answer.body as { message?: unknown }).message).toBe("string");
      expect(answer.headers.get("content-type")).toContain("application/json");
    }
    expect(answers[4]?.headers.get("allow")).toBe("PUT, DELETE");
  });

  it("a heartbeat body of null, and the messages of 404 and 405", async () => {
    await api.call("PUT", "/v1/services/m/instances/m-1", { host: "h", port: 1 });
    const nullBody = await api.call("PUT", "/v1/services/m/instances/m-1/heartbeat", "null");
    expect([nullBody.status, errorOf(nullBody)]).toEqual([400, "INVALID_STATUS"]);
    const critical = await api.call("PUT", "/v1/services/m/instances/m-1/heartbeat", { status: "critical" });
    expect((critical.body as { status: string }).status).toBe("critical");
    const unknown = await api.call("GET", "/v1/nothing/here");
    expect((unknown.body as { message: string }).message).toContain("/v1/nothing/here");
    const wrong = await api.call("DELETE", "/v1/services/m");
    expect((wrong.body as { message: string }).message).toMatch(/DELETE.*\/v1\/services\/m.*use GET/);
    const escape = await api.call("GET", "/v1/services/%E0%A4%A");
    expect((escape.body as { message: string }).message).toContain("percent-encoding");
  });

  it("a register without a body, a heartbeat body that is not an object, a malformed escape", async () => {
    const empty = await api.call("PUT", "/v1/services/orders/instances/x");
    expect([empty.status, errorOf(empty)]).toEqual([400, "INVALID_REGISTRATION"]);
    await api.call("PUT", "/v1/services/orders/instances/y", { host: "h", port: 1 });
    const listBody = await api.call("PUT", "/v1/services/orders/instances/y/heartbeat", "[]");
    expect([listBody.status, errorOf(listBody)]).toEqual([400, "INVALID_STATUS"]);
    const escape = await api.call("GET", "/v1/services/bad%E0%A4%A");
    expect([escape.status, errorOf(escape)]).toEqual([400, "INVALID_NAME"]);
  });

  it("a query string is ignored; a trailing slash is not the same path", async () => {
    await api.call("PUT", "/v1/services/q/instances/q-1", { host: "h", port: 1 });
    expect((await api.call("GET", "/v1/services/q?passing=true")).body).toMatchObject({
      instances: [{ instanceId: "q-1" }],
    });
    expect((await api.call("GET", "/v1/services/q/")).status).toBe(404);
  });

  it("leases run on the registry's clock behind the API too", async () => {
    await api.call("PUT", "/v1/services/clocked/instances/c-1", { host: "h", port: 1, ttlMs: 2_000 });
    api.clock.advance(2_000);
    expect((await api.call("GET", "/v1/services/clocked")).body).toEqual({ service: "clocked", instances: [] });
    const late = await api.call("PUT", "/v1/services/clocked/instances/c-1/heartbeat");
    expect(late.status).toBe(404);
  });
});
