import { closeServer, codeOf, ensure, messageOf } from "#kata/testing";
import { errorOf, idsOf, registryAt, serveRegistry, type RegistryOverHttp } from "./registry-test-kit";
import { RegistryError } from "./src/errors";
import { ServiceRegistry, type Registration } from "./src/service-registry";

const AT = (port: number, ttlMs?: number): Registration =>
  ttlMs === undefined ? { host: "10.0.0.7", port } : { host: "10.0.0.7", port, ttlMs };

describe("register and discover", () => {
  it("lists the passing instances of a service, sorted by instance id; an unknown service has none", () => {
    const { registry } = registryAt();
    registry.register("payments", "pay-3", AT(8083));
    registry.register("payments", "pay-1", { host: "10.0.0.5", port: 8081, metadata: { zone: "eu-west-1a" } });
    registry.register("payments", "pay-2", AT(8082));
    registry.register("search", "search-1", AT(9200));
    expect(registry.discover("payments")).toEqual([
      { instanceId: "pay-1", host: "10.0.0.5", port: 8081, metadata: { zone: "eu-west-1a" } },
      { instanceId: "pay-2", host: "10.0.0.7", port: 8082, metadata: {} },
      { instanceId: "pay-3", host: "10.0.0.7", port: 8083, metadata: {} },
    ]);
    expect(registry.discover("shipping")).toEqual([]);
  });

  it("register() answers the instance with its lease: expiresAt is now + ttlMs (default 30 s)", () => {
    const { registry, clock } = registryAt();
    clock.advance(1_000);
    expect(registry.register("payments", "pay-1", AT(8081))).toEqual({
      service: "payments",
      instanceId: "pay-1",
      host: "10.0.0.7",
      port: 8081,
      metadata: {},
      status: "passing",
      ttlMs: 30_000,
      expiresAt: 31_000,
    });
    expect(registry.register("payments", "pay-2", AT(8082, 5_000)).expiresAt).toBe(6_000);
  });

  it("an instance id belongs to its service: the same id in two services is two instances", () => {
    const { registry } = registryAt();
    registry.register("payments", "node-1", AT(8081));
    registry.register("search", "node-1", AT(9200));
    registry.deregister("payments", "node-1");
    expect(idsOf(registry, "payments")).toEqual([]);
    expect(idsOf(registry, "search")).toEqual(["node-1"]);
  });

  it("registering again replaces the registration: new address, lease restarted, still one instance", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 10_000));
    clock.advance(8_000);
    registry.register("payments", "pay-1", { host: "10.0.0.9", port: 9091, ttlMs: 10_000 });
    const listed = registry.discover("payments");
    ensure(
      listed.length === 1,
      `after pay-1 registered twice, discover() lists ${listed.length} instances; a second registration replaces the first`,
    );
    expect(listed[0]).toEqual({ instanceId: "pay-1", host: "10.0.0.9", port: 9091, metadata: {} });
    clock.advance(9_999);
    expect(idsOf(registry, "payments")).toEqual(["pay-1"]);
  });
});

describe("leases", () => {
  it("an instance without heartbeats is listed until its lease ends and gone at exactly expiresAt", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 10_000));
    clock.advance(9_999);
    ensure(idsOf(registry, "payments").length === 1, "pay-1 vanished at t=9,999, before its 10 s lease ended");
    clock.advance(1);
    const left = idsOf(registry, "payments");
    ensure(
      left.length === 0,
      `at exactly t=10,000 = expiresAt, discover() still lists [${left.join(", ")}]: a lease ends at its expiry instant (listed while now < expiresAt)`,
    );
  });

  it("a heartbeat renews the lease by the instance's own ttlMs, from the heartbeat's time", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 5_000));
    clock.advance(4_000);
    const renewed = registry.heartbeat("payments", "pay-1");
    ensure(
      renewed.expiresAt === 9_000,
      `a heartbeat at t=4,000 for a 5 s lease set expiresAt to ${renewed.expiresAt}; it renews by the instance's own ttlMs: 4,000 + 5,000 = 9,000`,
    );
    clock.advance(4_999);
    expect(idsOf(registry, "payments")).toEqual(["pay-1"]);
    clock.advance(1);
    expect(idsOf(registry, "payments")).toEqual([]);
  });

  it("a heartbeat after the lease ended is refused with UNKNOWN_INSTANCE: the instance must register again", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 5_000));
    clock.advance(5_000);
    let refusal: RegistryError | undefined;
    try {
      registry.heartbeat("payments", "pay-1");
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      refusal = error;
    }
    ensure(
      refusal?.code === "UNKNOWN_INSTANCE",
      `a heartbeat at t=5,000, when the 5 s lease had ended, answered ${refusal?.code ?? "normally"}; it must be UNKNOWN_INSTANCE so the instance knows to register again`,
    );
    expect(refusal.message).toMatch(/register/i);
    ensure(
      idsOf(registry, "payments").length === 0,
      "a heartbeat that came after the lease ended brought the instance back; it must register again (its address may have changed)",
    );
  });

  it("an instance silent for a day and five seconds is long gone", () => {
    const { registry, clock } = registryAt();
    registry.register("payments", "pay-1", AT(8081, 30_000));
    clock.advance(86_400_000 + 5_000);
    const left = idsOf(registry, "payments");
    ensure(
      left.length === 0,
      `after a day and 5 s without a heartbeat, [${left.join(", ")}] is still listed: is the elapsed time taken modulo a day (Python's timedelta.seconds)?`,
    );
  });

  it("memory follows the live instances: size and services() drop what has expired", () => {
    const { registry, clock } = registryAt();
    for (let i = 0; i < 50; i++) registry.register(`svc-${i % 5}`, `node-${i}`, AT(8000 + i, 1_000 + i * 100));
    expect(registry.size).toBe(50);
    clock.advance(3_000); // leases of 1,000 + i*100 ms end at or before 3,000 for i <= 20
    expect(registry.size).toBe(29);
    clock.advance(10_000);
    expect(registry.size).toBe(0);
    expect(registry.services()).toEqual([]);
  });
});

describe("health status", () => {
  it("a critical instance stays registered but is not handed out; a passing heartbeat restores it", () => {
    const { registry } = registryAt();
    registry.register("payments", "pay-1", AT(8081));
    registry.register("payments", "pay-2", AT(8082));
    expect(idsOf(registry, "payments")).toEqual(["pay-1", "pay-2"]);
    registry.heartbeat("payments", "pay-1", "critical");
    const listed = idsOf(registry, "payments");
    ensure(
      listed.join() === "pay-2",
      `pay-1 reported critical, yet discover() lists [${listed.join(", ")}]: a critical instance must not be handed out`,
    );
    expect(registry.services()).toEqual([{ service: "payments", passing: 1, registered: 2 }]);
    registry.heartbeat("payments", "pay-1", "passing");
    expect(idsOf(registry, "payments")).toEqual(["pay-1", "pay-2"]);
  });

  it("registering again makes an instance passing again", () => {
    const { registry } = registryAt();
    registry.register("payments", "pay-1", AT(8081));
    registry.heartbeat("payments", "pay-1", "critical");
    expect(registry.register("payments", "pay-1", AT(8081)).status).toBe("passing");
    expect(idsOf(registry, "payments")).toEqual(["pay-1"]);
  });
});

describe("deregister", () => {
  it("removes at once; a second deregister is UNKNOWN_INSTANCE", () => {
    const { registry } = registryAt();
    registry.register("payments", "pay-1", AT(8081));
    registry.deregister("payments", "pay-1");
    expect(idsOf(registry, "payments")).toEqual([]);
    expect(registry.size).toBe(0);
    expect(codeOf(RegistryError, () => registry.deregister("payments", "pay-1"))).toBe("UNKNOWN_INSTANCE");
  });
});

describe("bad input", () => {
  it.each<[string, unknown]>([
    ["a port given as a string", { host: "10.0.0.7", port: "8080" }],
    ["port 0", { host: "10.0.0.7", port: 0 }],
    ["port 65536", { host: "10.0.0.7", port: 65_536 }],
    ["no host", { port: 8080 }],
    ["a host with a space", { host: "10.0.0.7 ", port: 8080 }],
    ["a lease under a second", { host: "10.0.0.7", port: 8080, ttlMs: 999 }],
    ["a lease over maxTtlMs", { host: "10.0.0.7", port: 8080, ttlMs: 300_001 }],
    ["a metadata value that is a number", { host: "10.0.0.7", port: 8080, metadata: { weight: 3 } }],
    ["a misspelt field", { host: "10.0.0.7", port: 8080, ttl: 5_000 }],
    ["an array", [{ host: "10.0.0.7", port: 8080 }]],
  ])("INVALID_REGISTRATION for %s, and the call changes nothing", (_what, registration) => {
    const { registry } = registryAt();
    registry.register("payments", "pay-1", AT(8081));
    const bad = (): unknown => registry.register("payments", "pay-1", registration as Registration);
    expect(codeOf(RegistryError, bad)).toBe("INVALID_REGISTRATION");
    expect(registry.discover("payments")).toEqual([
      { instanceId: "pay-1", host: "10.0.0.7", port: 8081, metadata: {} },
    ]);
  });

  it("the message names the field that is wrong", () => {
    const { registry } = registryAt();
    const message = messageOf(RegistryError, () =>
      registry.register("payments", "pay-1", { host: "10.0.0.7", port: "8080" } as unknown as Registration),
    );
    expect(message).toContain("port");
    expect(message).toContain('"8080"');
  });

  it.each(["", "-payments", "pay ments", "a".repeat(65), "payments/v2"])("INVALID_NAME for %p", (name) => {
    const { registry } = registryAt();
    expect(codeOf(RegistryError, () => registry.register(name, "pay-1", AT(8081)))).toBe("INVALID_NAME");
    expect(codeOf(RegistryError, () => registry.discover(name))).toBe("INVALID_NAME");
  });

  it("INVALID_STATUS for a heartbeat status other than passing or critical", () => {
    const { registry } = registryAt();
    registry.register("payments", "pay-1", AT(8081));
    expect(codeOf(RegistryError, () => registry.heartbeat("payments", "pay-1", "UP" as "passing"))).toBe(
      "INVALID_STATUS",
    );
  });

  it("INVALID_OPTION for a default lease outside [1 s, maxTtlMs]", () => {
    expect(codeOf(RegistryError, () => new ServiceRegistry({ defaultTtlMs: 500 }))).toBe("INVALID_OPTION");
    expect(codeOf(RegistryError, () => new ServiceRegistry({ defaultTtlMs: 60_000, maxTtlMs: 30_000 }))).toBe(
      "INVALID_OPTION",
    );
  });
});

describe("the HTTP API", () => {
  let api: RegistryOverHttp;
  beforeAll(async () => {
    api = await serveRegistry();
  });
  afterAll(() => closeServer(api.server));

  it("PUT registers, GET discovers, PUT .../heartbeat renews, DELETE deregisters", async () => {
    const put = await api.call("PUT", "/v1/services/orders/instances/ord-1", { host: "10.1.0.4", port: 7001 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ service: "orders", instanceId: "ord-1", status: "passing" });
    const get = await api.call("GET", "/v1/services/orders");
    expect(get).toMatchObject({
      status: 200,
      body: { service: "orders", instances: [{ instanceId: "ord-1", host: "10.1.0.4", port: 7001, metadata: {} }] },
    });
    const beat = await api.call("PUT", "/v1/services/orders/instances/ord-1/heartbeat");
    expect(beat.status).toBe(200);
    const critical = await api.call("PUT", "/v1/services/orders/instances/ord-1/heartbeat", { status: "critical" });
    expect(critical.body).toMatchObject({ status: "critical" });
    expect((await api.call("GET", "/v1/services")).body).toEqual({
      services: [{ service: "orders", passing: 0, registered: 1 }],
    });
    const gone = await api.call("DELETE", "/v1/services/orders/instances/ord-1");
    expect(gone.status).toBe(204);
    expect((await api.call("GET", "/v1/services/orders")).body).toEqual({ service: "orders", instances: [] });
  });

  it("a heartbeat for an instance the registry does not hold is 404 UNKNOWN_INSTANCE", async () => {
    const answer = await api.call("PUT", "/v1/services/orders/instances/ghost/heartbeat");
    ensure(
      answer.status === 404 && errorOf(answer) === "UNKNOWN_INSTANCE",
      `a heartbeat for an unknown instance answered ${answer.status} ${errorOf(answer)}; it must be 404 UNKNOWN_INSTANCE, so the instance knows to register again`,
    );
  });

  it("malformed payloads get 400 with the reason", async () => {
    const notJson = await api.call("PUT", "/v1/services/orders/instances/ord-2", "{host: 10.1.0.4}");
    expect([notJson.status, errorOf(notJson)]).toEqual([400, "INVALID_JSON"]);
    const stringPort = await api.call("PUT", "/v1/services/orders/instances/ord-2", { host: "10.1.0.4", port: "7002" });
    expect([stringPort.status, errorOf(stringPort)]).toEqual([400, "INVALID_REGISTRATION"]);
    expect((stringPort.body as { message: string }).message).toContain("port");
    const badName = await api.call("PUT", "/v1/services/orders/instances/ord%202", { host: "10.1.0.4", port: 7002 });
    expect([badName.status, errorOf(badName)]).toEqual([400, "INVALID_NAME"]);
    const badStatus = await api.call("PUT", "/v1/services/orders/instances/ord-2/heartbeat", { status: "UP" });
    expect(badStatus.status).toBe(400);
  });

  it("a body over 16 KB is 413 PAYLOAD_TOO_LARGE", async () => {
    const metadata = { notes: "x".repeat(20_000) };
    const answer = await api.call("PUT", "/v1/services/orders/instances/ord-3", {
      host: "10.1.0.4",
      port: 7003,
      metadata,
    });
    expect([answer.status, errorOf(answer)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  });

  it("an unknown path is 404 NOT_FOUND; a known path with the wrong method is 405 with Allow", async () => {
    const nowhere = await api.call("GET", "/v2/services");
    expect([nowhere.status, errorOf(nowhere)]).toEqual([404, "NOT_FOUND"]);
    const wrongMethod = await api.call("POST", "/v1/services/orders");
    ensure(
      wrongMethod.status === 405,
      `POST /v1/services/orders answered ${wrongMethod.status}: the path exists, so the method is what is wrong: 405 with an Allow header`,
    );
    expect(errorOf(wrongMethod)).toBe("METHOD_NOT_ALLOWED");
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("path segments are percent-decoded: payments%2Dapi is payments-api", async () => {
    await api.call("PUT", "/v1/services/payments%2Dapi/instances/p-1", { host: "10.1.0.9", port: 7009 });
    expect((await api.call("GET", "/v1/services/payments-api")).body).toMatchObject({
      instances: [{ instanceId: "p-1" }],
    });
  });
});
