/**
 * Grading-only tests. A seeded script of joins, leaves, says, whos, bad frames and cut connections
 * is played against the server one step at a time, and every frame each client receives is
 * compared with what a small model of the rules predicts; then the edges a first server tends to
 * miss: cursors, history sizes, option limits, frame sizes, the order of a slow client's drop.
 */
import { closeServer, codeOf, ensure, messageOf, seededFaker, testSeed } from "#kata/testing";
import { ChatError } from "./src/errors";
import {
  CLOSE_TOO_SLOW,
  MAX_FRAME_BYTES,
  createChatFanoutServer,
  parseClientFrame,
  type MessageFrame,
  type ServerFrame,
} from "./src/chat-fanout";
import {
  eventually,
  ManualHeartbeat,
  settle,
  Testbed,
  watchSendsToClosedSockets,
  type ChatClient,
} from "./chat-client";

const bed = new Testbed();
afterEach(async () => {
  await bed.close(); // every server and client a test started, even when it failed
  jest.restoreAllMocks();
});
afterAll(() => bed.close());

const seqs = (messages: MessageFrame[]): number[] => messages.map((m) => m.seq);
const leftNotices = (client: ChatClient, room: string): string[] =>
  client
    .presence(room)
    .filter((p) => p.event === "left")
    .map((p) => p.name);

/** The rules, straight: what every client should have received. */
class Model {
  readonly rooms = new Map<
    string,
    { members: string[]; holders: number[]; lastSeq: number; history: MessageFrame[] }
  >();
  readonly expected = new Map<number, ServerFrame[]>();
  readonly joined = new Map<number, Map<string, string>>(); // client -> room -> name

  constructor(private readonly historySize: number) {}

  private to(client: number, frame: ServerFrame): void {
    this.expected.set(client, [...(this.expected.get(client) ?? []), frame]);
  }

  private room(name: string) {
    let room = this.rooms.get(name);
    if (!room) {
      room = { members: [], holders: [], lastSeq: 0, history: [] };
      this.rooms.set(name, room);
    }
    return room;
  }

  error(client: number, code: string): void {
    this.to(client, { type: "error", code, message: "" });
  }

  join(client: number, room: string, name: string, after?: number): void {
    const mine = this.joined.get(client) ?? new Map<string, string>();
    this.joined.set(client, mine);
    if (mine.has(room)) return this.error(client, "ALREADY_JOINED");
    const r = this.room(room);
    if (r.members.includes(name)) return this.error(client, "NAME_TAKEN");
    r.members.push(name);
    r.holders.push(client);
    mine.set(room, name);
    const history = after === undefined || after > r.lastSeq ? r.history : r.history.filter((m) => m.seq > after);
    this.to(client, { type: "joined", room, name, members: [...r.members], history: [...history] });
    for (const other of r.holders)
      if (other !== client) this.to(other, { type: "presence", room, event: "joined", name });
  }

  private remove(client: number, room: string): void {
    const name = this.joined.get(client)?.get(room);
    const r = this.rooms.get(room);
    if (name === undefined || !r) return;
    this.joined.get(client)?.delete(room);
    const at = r.members.indexOf(name);
    r.members.splice(at, 1);
    r.holders.splice(at, 1);
    for (const other of r.holders) this.to(other, { type: "presence", room, event: "left", name });
  }

  leave(client: number, room: string): void {
    if (!this.joined.get(client)?.has(room)) return this.error(client, "NOT_A_MEMBER");
    this.remove(client, room);
    this.to(client, { type: "left", room });
  }

  say(client: number, room: string, text: string): void {
    const from = this.joined.get(client)?.get(room);
    const r = this.rooms.get(room);
    if (from === undefined || !r) return this.error(client, "NOT_A_MEMBER");
    r.lastSeq += 1;
    const message: MessageFrame = { type: "message", room, seq: r.lastSeq, from, text };
    r.history.push(message);
    if (r.history.length > this.historySize) r.history.shift();
    for (const other of r.holders) if (other !== client) this.to(other, message);
  }

  who(client: number, room: string): void {
    this.to(client, { type: "members", room, members: [...(this.rooms.get(room)?.members ?? [])] });
  }

  cut(client: number): void {
    for (const room of [...(this.joined.get(client)?.keys() ?? [])]) this.remove(client, room);
    this.joined.delete(client);
  }
}

/** Frames by room (those without one, errors, under "-"), error messages blanked: each room's order is exact. */
function byRoom(frames: ServerFrame[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const frame of frames) {
    const key = "room" in frame ? frame.room : "-";
    const shown = frame.type === "error" ? JSON.stringify({ ...frame, message: "" }) : JSON.stringify(frame);
    (out[key] ??= []).push(shown);
  }
  return out;
}

test("a seeded script of joins, leaves, says, bad frames and cut connections: every client gets exactly what the rules say", async () => {
  const seed = testSeed();
  const faker = seededFaker(seed);
  const historySize = 4;
  const { url } = await bed.start({ historySize });
  const model = new Model(historySize);
  const observer = await bed.connect(url); // asks who, to see the server's view; never joins
  const clients = new Map<number, ChatClient>();
  let nextId = 0;
  const open = async (): Promise<number> => {
    const id = nextId++;
    clients.set(id, await bed.connect(url));
    return id;
  };
  for (let i = 0; i < 4; i++) await open();
  const rooms = ["general", "random", "General"];
  const names = ["ada", "bob", "cyd", "dan"];
  const steps: string[] = [];
  for (let step = 0; step < 160; step++) {
    const ids = [...clients.keys()];
    const id = faker.helpers.arrayElement(ids);
    const client = clients.get(id) as ChatClient;
    const room = faker.helpers.arrayElement(rooms);
    const roll = faker.number.int({ min: 0, max: 99 });
    if (roll < 22) {
      const name = faker.helpers.arrayElement(names);
      const last = model.rooms.get(room)?.lastSeq ?? 0;
      const after = faker.helpers.arrayElement([undefined, undefined, faker.number.int({ min: 0, max: last + 2 })]);
      steps.push(`${id} join ${room} as ${name}${after === undefined ? "" : ` after ${after}`}`);
      model.join(id, room, name, after);
      client.send({ type: "join", room, name, ...(after === undefined ? {} : { after }) });
    } else if (roll < 32) {
      steps.push(`${id} leave ${room}`);
      model.leave(id, room);
      client.send({ type: "leave", room });
    } else if (roll < 80) {
      const text = faker.lorem.words({ min: 1, max: 4 });
      steps.push(`${id} say ${room}: ${text}`);
      model.say(id, room, text);
      client.say(room, text);
    } else if (roll < 88) {
      steps.push(`${id} who ${room}`);
      model.who(id, room);
      client.send({ type: "who", room });
    } else if (roll < 93) {
      steps.push(`${id} sends a bad frame`);
      model.error(id, "INVALID_FRAME");
      client.send('{"type":"say","room":""}');
    } else {
      steps.push(`${id} is cut`);
      const held = [...(model.joined.get(id) ?? new Map<string, string>())];
      model.cut(id);
      client.terminate();
      clients.delete(id);
      let gone = false;
      for (let round = 0; round < 10 && !gone; round++) {
        gone = true;
        for (const [r, name] of held) if ((await observer.who(r))?.includes(name)) gone = false;
      }
      ensure(gone, `after step ${step} (${steps.at(-1)}), the cut connection was still listed in one of its rooms`);
      await open();
      continue;
    }
    await client.sync();
  }
  await settle(...clients.values(), ...clients.values());
  for (const [id, client] of clients) {
    const expected = byRoom(model.expected.get(id) ?? []);
    const got = byRoom(client.frames);
    for (const key of new Set([...Object.keys(expected), ...Object.keys(got)])) {
      const want = expected[key] ?? [];
      const have = got[key] ?? [];
      const at = want.findIndex((frame, i) => frame !== have[i]);
      if (at === -1 && want.length === have.length) continue;
      const first = at === -1 ? want.length : at;
      throw new Error(
        `seed ${seed}: client ${id}'s frames about ${key === "-" ? "no room (errors)" : key} differ from the rules at frame ${first + 1}: ` +
          `expected ${want[first] ?? "nothing more"}, got ${have[first] ?? "nothing"}. ` +
          `The steps so far:\n${steps.join("\n")}`,
      );
    }
  }
});

describe("history and cursors at their edges", () => {
  test("after = the room's last seq gets no history; after = 0 gets all of it", async () => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    for (const text of ["one", "two", "three"]) ada.say("general", text);
    await ada.sync();
    const upToDate = await bed.connect(url);
    const caughtUp = await upToDate.join("general", "bob", 3);
    ensure(
      caughtUp?.type === "joined" && caughtUp.history.length === 0,
      `bob rejoined with after: 3, the room's last seq, so he has missed nothing; he was sent ${JSON.stringify(caughtUp)}. ` +
        "after = the last seq is a cursor that is up to date, not a stale one: only an after beyond the last seq means the room restarted.",
    );
    const fresh = await bed.connect(url);
    const all = await fresh.join("general", "cyd", 0);
    expect(all?.type === "joined" ? seqs(all.history) : []).toEqual([1, 2, 3]);
  });

  test("a cursor older than what the room keeps gets what it keeps", async () => {
    const { url } = await bed.start({ historySize: 2 });
    const ada = await bed.member(url, "general", "ada");
    for (const text of ["one", "two", "three", "four"]) ada.say("general", text);
    await ada.sync();
    const back = await bed.connect(url);
    const joined = await back.join("general", "bob", 1);
    expect(joined?.type === "joined" ? seqs(joined.history) : []).toEqual([3, 4]);
  });

  test("historySize 0 keeps nothing; historySize 1 keeps the last message only", async () => {
    for (const [historySize, expected] of [
      [0, ""],
      [1, "2"],
    ] as const) {
      const { url } = await bed.start({ historySize });
      const ada = await bed.member(url, "general", "ada");
      ada.say("general", "one");
      ada.say("general", "two");
      await ada.sync();
      const late = await bed.connect(url);
      const joined = await late.join("general", "late");
      const got = joined?.type === "joined" ? seqs(joined.history).join() : "no joined frame";
      ensure(
        got === expected,
        `with historySize ${historySize}, a joiner after 2 messages got history [${got}], expected [${expected}]`,
      );
    }
  });

  test("a room keeps its history and its seq after its last member leaves", async () => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    ada.say("general", "one");
    await ada.request({ type: "leave", room: "general" });
    expect(await ada.who("general")).toEqual([]);
    const joined = await ada.join("general", "ada");
    expect(joined).toMatchObject({ members: ["ada"], history: [{ seq: 1, text: "one" }] });
    const bob = await bed.member(url, "general", "bob");
    ada.say("general", "two");
    await settle(ada, bob);
    expect(seqs(bob.messages("general"))).toEqual([2]);
  });
});

describe("the connection", () => {
  test("a plain HTTP request is answered 426 Upgrade Required, and told to use a WebSocket", async () => {
    const { url } = await bed.start();
    const response = await fetch(url.replace("ws", "http"));
    expect(response.status).toBe(426);
    expect(response.headers.get("upgrade")).toBe("websocket");
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toMatch(/WebSocket/);
  });

  test("a server with no options at all serves (its own heartbeat, every 30 s)", async () => {
    const url = await bed.listen(createChatFanoutServer());
    const ada = await bed.member(url, "general", "ada");
    expect(await ada.who("general")).toEqual(["ada"]);
    const bob = await bed.connect(url);
    const long = await bob.request({ type: "join", room: "general", name: "bob" });
    expect(long[0]).toMatchObject({ type: "joined", members: ["ada", "bob"] });
    const limit = await bob.request({ type: "say", room: "general", text: "x".repeat(2_001) });
    expect(limit).toEqual([expect.objectContaining({ code: "TEXT_TOO_LONG" })]);
  });

  test(`a frame over ${MAX_FRAME_BYTES} bytes closes the connection with 1009; one of that size is read`, async () => {
    const { url } = await bed.start({ maxTextLength: 10_000 });
    const ada = await bed.member(url, "general", "ada");
    const envelope = JSON.stringify({ type: "who", room: "general", pad: "" });
    const fits = await ada.request(
      JSON.stringify({ type: "who", room: "general", pad: "p".repeat(MAX_FRAME_BYTES - envelope.length) }),
    );
    expect(fits).toEqual([{ type: "members", room: "general", members: ["ada"] }]);
    ada.send(JSON.stringify({ type: "who", room: "general", pad: "p".repeat(MAX_FRAME_BYTES) }));
    const closed = await ada.closed;
    ensure(
      closed.code === 1009,
      `a ${MAX_FRAME_BYTES + envelope.length}-byte frame was answered with close ${closed.code}; give the WebSocketServer maxPayload: MAX_FRAME_BYTES, so ws refuses it (1009) before buffering it (its own default is 100 MiB)`,
    );
  });

  test("closing the server stops the heartbeat", async () => {
    const { server, heartbeat } = await bed.start();
    await closeServer(server);
    expect(heartbeat.stopped).toBe(1);
  });

  test("the heartbeat pings every open connection once a round, and never cuts one that answers", async () => {
    const { url, heartbeat } = await bed.start();
    const sends = watchSendsToClosedSockets();
    const ada = await bed.member(url, "general", "ada");
    const bob = await bed.member(url, "general", "bob");
    for (let round = 1; round <= 4; round++) {
      heartbeat.tick();
      await settle(ada, bob, ada, bob);
    }
    ensure(
      ada.pings === 4 && bob.pings === 4,
      `after 4 rounds ada and bob had been pinged ${ada.pings} and ${bob.pings} times; each round pings every open connection once (and one that has never been pinged yet is not cut)`,
    );
    expect(await ada.who("general")).toEqual(["ada", "bob"]);
    bob.terminate();
    await eventually(() => leftNotices(ada, "general").length > 0, [ada]);
    heartbeat.tick();
    await settle(ada);
    expect(leftNotices(ada, "general")).toEqual(["bob"]);
    ensure(
      sends.count() === 0,
      "a round after bob's connection closed pinged it: a closed connection is forgotten by the heartbeat too, or the server keeps every connection it ever had",
    );
  });

  test("a member cut by the heartbeat is announced once, and nothing more is sent to it", async () => {
    const { url, heartbeat } = await bed.start();
    const sends = watchSendsToClosedSockets();
    const ada = await bed.member(url, "general", "ada");
    const zed = await bed.connect(url, { autoPong: false });
    await zed.join("general", "zed");
    await zed.join("random", "zed");
    heartbeat.tick();
    await settle(zed, ada);
    heartbeat.tick();
    await zed.closed;
    await eventually(() => leftNotices(ada, "general").length > 0, [ada]);
    await settle(ada); // her pong to round 2 has reached the server
    heartbeat.tick();
    ada.say("general", "hello?");
    await settle(ada, ada);
    ensure(
      leftNotices(ada, "general").join() === "zed",
      leftNotices(ada, "general").length === 0
        ? "zed missed a ping and ada was never told it left general: a connection cut by the heartbeat leaves its rooms, with notices"
        : `ada was told ${leftNotices(ada, "general").length} times that zed left general: once it is cut, a connection is out of its rooms, and a later round or close event must not announce it again`,
    );
    expect(await ada.who("random")).toEqual([]);
    ensure(sends.count() === 0, `the server handed ws ${sends.count()} frames for zed's closed connection`);
  });
});

describe("the bound on unsent bytes, exactly", () => {
  test("a frame of exactly maxBufferedBytes goes to an idle member; one byte more is never sent, and its member is dropped", async () => {
    const { url } = await bed.start({ maxBufferedBytes: 1_024, maxTextLength: 2_000 });
    const ada = await bed.member(url, "r", "ada");
    const bob = await bed.member(url, "r", "bob");
    const envelope = JSON.stringify({ type: "message", room: "r", seq: 1, from: "ada", text: "" }).length;
    ada.say("r", "a".repeat(1_024 - envelope)); // bob's frame: 1,024 bytes, bob has nothing unsent
    await settle(ada, bob);
    ensure(
      bob.messages("r").length === 1 && bob.closedWith === undefined,
      `a message frame of exactly 1,024 bytes to bob, who had nothing unsent, with maxBufferedBytes 1,024: ${bob.closedWith ? `bob was dropped (${bob.closedWith.code})` : "bob did not get it"}. ` +
        "0 unsent + 1,024 does not pass the limit; only a frame that would take the total past it is refused (>, not >=)",
    );
    ada.say("r", "b".repeat(1_025 - envelope)); // 1,025 bytes: over the limit on its own
    const closed = await bob.closed;
    ensure(
      closed.code === CLOSE_TOO_SLOW && bob.messages("r").length === 1,
      `a 1,025-byte frame to bob with maxBufferedBytes 1,024: bob got ${bob.messages("r").length} messages and was closed with ${closed.code}. ` +
        "bufferedAmount + the frame's bytes passes the limit even with nothing unsent: do not send it; drop bob with 1013",
    );
    await eventually(() => leftNotices(ada, "r").length > 0, [ada]);
    expect(leftNotices(ada, "r")).toEqual(["bob"]);
  });

  test("a reply to one connection is bounded too: a joined frame bigger than the bound drops its joiner", async () => {
    const { url } = await bed.start({ maxBufferedBytes: 1_024, historySize: 3 });
    const ada = await bed.member(url, "r", "ada");
    for (let i = 0; i < 3; i++) ada.say("r", "h".repeat(400));
    await ada.sync();
    const late = await bed.connect(url);
    late.send({ type: "join", room: "r", name: "late" }); // 3 x 400 characters of history: over 1,024 bytes
    const closed = await late.closed;
    ensure(
      closed.code === CLOSE_TOO_SLOW && late.frames.length === 0,
      `late's joined frame held 1,200+ bytes of history, over maxBufferedBytes 1,024; late received ${late.frames.length} frames and was closed with ${closed.code}. ` +
        "Every frame to a connection, an answer to it as much as a fan-out, is checked against the bound: past it, drop the connection with 1013",
    );
    expect(await ada.who("r")).toEqual(["ada"]);
    const told = ada.presence("r").map((p) => `${p.event} ${p.name}`);
    ensure(
      told.at(-1) !== "joined late",
      `ada was told ${told.join(", then ")}: the last word on late says it is in the room, and it is not. ` +
        "A joiner dropped by its own joined frame is gone: announce a join only while the joiner is still connected",
    );
  });
});

describe("what error frames say", () => {
  test("each refusal of the state names the room and the name involved", async () => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    const other = await bed.connect(url);
    const taken = await other.join("general", "ada");
    expect(taken).toMatchObject({
      type: "error",
      code: "NAME_TAKEN",
      message: expect.stringMatching(/ada/) as unknown,
    });
    const twice = await ada.join("general", "ada-again");
    expect(twice).toMatchObject({ code: "ALREADY_JOINED", message: expect.stringMatching(/general/) as unknown });
  });

  test("a join under a name taken elsewhere, or in another room, is fine", async () => {
    const { url } = await bed.start();
    await bed.member(url, "general", "ada");
    const ada2 = await bed.connect(url);
    expect(await ada2.join("random", "ada")).toMatchObject({ type: "joined", members: ["ada"] });
    expect(await ada2.join("general", "ada2")).toMatchObject({ type: "joined", members: ["ada", "ada2"] });
  });

  test("parseClientFrame's messages say which field, and what it got, cut short", () => {
    const message = (text: string) => messageOf(ChatError, () => parseClientFrame(text));
    expect(message('{"type":"say","text":"hi"}')).toMatch(/say frame has no room/);
    expect(message('{"type":"say","room":7,"text":"hi"}')).toMatch(
      /room must be a string of 1 to 100 characters, got 7/,
    );
    expect(message(JSON.stringify({ type: "join", room: "r", name: "n".repeat(33) }))).toMatch(/got 33 characters/);
    expect(message('{"type":"say","room":"r"}')).toMatch(/got nothing/);
    expect(message('{"room":"r"}')).toMatch(/has no type/);
    expect(message('{"type":"jump","room":"r"}')).toMatch(/unknown type "jump"/);
    expect(message("[1,2]")).toMatch(/an array, \[1,2\]/);
    const huge = message(JSON.stringify({ type: "who", room: { a: "z".repeat(500) } }));
    ensure(
      huge.length < 200,
      `an error message quoted a 500-character value whole (${huge.length} characters): cut it short`,
    );
  });

  test("parseClientFrame's messages show what was wrong", () => {
    expect(messageOf(ChatError, () => parseClientFrame('{"type":"say","text":"hi"}'))).toMatch(/room/);
    expect(messageOf(ChatError, () => parseClientFrame('{"type":"say","room":7,"text":"hi"}'))).toMatch(
      /room.*7|7.*room/,
    );
    expect(messageOf(ChatError, () => parseClientFrame('{"type":"join","room":"r","name":["x"]}'))).toMatch(/name/);
    expect(messageOf(ChatError, () => parseClientFrame('{"type":"join","room":"r","name":"x","after":"5"}'))).toMatch(
      /after/,
    );
    expect(messageOf(ChatError, () => parseClientFrame('{"type":"say","room":"r","text":"abcdef"}', 5))).toMatch(
      /6.*5/,
    );
    expect(messageOf(ChatError, () => parseClientFrame('{"type":"jump","room":"r"}'))).toMatch(/join, leave, say, who/);
    expect(messageOf(ChatError, () => parseClientFrame("[1]"))).toMatch(/object/);
    expect(messageOf(ChatError, () => parseClientFrame("hello"))).toMatch(/such as \{"type":"say"/);
  });

  test.each([
    ['{"type":"join","room":"r","name":""}', "INVALID_FRAME"],
    ['{"type":"join","room":"r","name":"x","after":"3"}', "INVALID_FRAME"],
    ['{"type":"say","room":"r"}', "INVALID_FRAME"],
    ['{"type":"who","room":null}', "INVALID_FRAME"],
    ['"say"', "INVALID_FRAME"],
    ["42", "INVALID_FRAME"],
    ['{"type":7,"room":"r"}', "UNKNOWN_TYPE"],
    ["", "NOT_JSON"],
  ] as const)("%s is refused with %s", (text, code) => {
    expect(codeOf(ChatError, () => parseClientFrame(text))).toBe(code);
  });

  test("after 0 and the largest safe integer are cursors; text of one character is a message", () => {
    expect(parseClientFrame('{"type":"join","room":"r","name":"x","after":0}')).toEqual({
      type: "join",
      room: "r",
      name: "x",
      after: 0,
    });
    const big = Number.MAX_SAFE_INTEGER;
    expect(parseClientFrame(`{"type":"join","room":"r","name":"x","after":${big}}`)).toMatchObject({ after: big });
    expect(parseClientFrame('{"type":"say","room":"r","text":"k"}', 1)).toEqual({ type: "say", room: "r", text: "k" });
  });
});

describe("options at their limits", () => {
  test("the edges of every range are accepted", async () => {
    for (const options of [
      { historySize: 0 },
      { historySize: 1_000 },
      { maxTextLength: 1 },
      { maxTextLength: 10_000 },
      { maxBufferedBytes: 1_024 },
    ]) {
      const heartbeat = new ManualHeartbeat();
      const server = createChatFanoutServer({ ...options, heartbeat: heartbeat.timer });
      expect(server.listening).toBe(false);
      await new Promise((closed) => server.close(closed)); // never listened: it closes at once
      expect(heartbeat.stopped).toBe(1);
    }
  });

  test.each([
    ["options null", null],
    ["options a number", 30_000],
    ["a heartbeat that is not a function", { heartbeat: 30_000 }],
    ["maxTextLength 2.5", { maxTextLength: 2.5 }],
    ["historySize Infinity", { historySize: Infinity }],
  ])("%s is refused with INVALID_OPTIONS", (_what, options) => {
    const { timer } = new ManualHeartbeat(); // should the server be made after all, it starts no timer
    const given =
      typeof options !== "object" || options === null || "heartbeat" in options
        ? options
        : { heartbeat: timer, ...options };
    expect(codeOf(ChatError, () => createChatFanoutServer(given as never))).toBe("INVALID_OPTIONS");
  });

  test("an option's error names it, the value given, and the range", () => {
    expect(messageOf(ChatError, () => createChatFanoutServer(null as never))).toMatch(
      /options must be an object, got null/,
    );
    expect(messageOf(ChatError, () => createChatFanoutServer({ heartbeat: 5 as never }))).toMatch(
      /heartbeat must be a function.*heartbeatEvery/,
    );
    expect(messageOf(ChatError, () => createChatFanoutServer({ historySize: 5_000 }))).toMatch(
      /historySize must be an integer from 0 to 1000, got 5000/,
    );
    expect(messageOf(ChatError, () => createChatFanoutServer({ maxBufferedBytes: 10 }))).toMatch(
      /maxBufferedBytes must be an integer of at least 1024, got 10; leave it out for 1048576/,
    );
  });
});
