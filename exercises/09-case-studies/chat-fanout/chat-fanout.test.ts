import { codeOf, ensure, seededFaker, testSeed } from "#kata/testing";
import { ChatError, type ChatErrorCode } from "./src/errors";
import {
  CLOSE_TOO_SLOW,
  createChatFanoutServer,
  parseClientFrame,
  type ChatServerOptions,
  type MessageFrame,
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
const leftNotices = (client: ChatClient, room: string, name: string): number =>
  client.presence(room).filter((p) => p.event === "left" && p.name === name).length;

describe("fan-out", () => {
  test("a message reaches every other member of its room once, and never its sender", async () => {
    const { url } = await bed.start();
    const [ada, bob, cyd] = [
      await bed.member(url, "general", "ada"),
      await bed.member(url, "general", "bob"),
      await bed.member(url, "general", "cyd"),
    ];
    const dan = await bed.member(url, "random", "dan");
    ada.say("general", "hi all");
    await settle(ada, bob, cyd, dan);
    const expected = { type: "message", room: "general", seq: 1, from: "ada", text: "hi all" };
    for (const member of [bob, cyd]) expect(member.messages("general")).toEqual([expected]);
    ensure(
      ada.messages("general").length === 0,
      "ada received her own message back: fan-out goes to every member but the sender (the sender already has it)",
    );
    ensure(dan.messages("general").length === 0, "dan, in another room, received a message said in general");
    const binary = [ada, bob, cyd, dan].reduce((n, client) => n + client.binaryFrames, 0);
    ensure(
      binary === 0,
      `the server sent ${binary} of its frames as binary frames: the protocol's frames are JSON text. ` +
        "ws sends a Buffer as a binary frame unless told otherwise: socket.send(bytes, { binary: false })",
    );
  });

  test("seq counts 1, 2, 3... per room, and every member sees each message once, in one order", async () => {
    const { url } = await bed.start();
    const rooms: Record<string, string[]> = { ada: ["a", "b"], bob: ["a"], cyd: ["b"], dan: ["a", "b"] };
    const clients = new Map<string, ChatClient>();
    for (const [name, joined] of Object.entries(rooms)) {
      const client = await bed.connect(url);
      for (const room of joined) await client.join(room, name);
      clients.set(name, client);
    }
    // A seeded script of 60 says from random members in random rooms of theirs, sent without waiting.
    const faker = seededFaker(testSeed());
    const said = new Map<string, string[]>(); // "name room" -> texts, in the order sent
    for (let i = 0; i < 60; i++) {
      const name = faker.helpers.arrayElement(Object.keys(rooms));
      const room = faker.helpers.arrayElement(rooms[name] ?? []);
      const text = `${name}-${i} ${faker.lorem.word()}`;
      clients.get(name)?.say(room, text);
      said.set(`${name} ${room}`, [...(said.get(`${name} ${room}`) ?? []), text]);
    }
    const all = [...clients.values()];
    await settle(...all, ...all);
    for (const room of ["a", "b"]) {
      const bySeq = new Map<number, string>();
      for (const [name, client] of clients)
        for (const m of client.messages(room)) {
          const seen = bySeq.get(m.seq);
          ensure(
            seen === undefined || seen === `${m.from}: ${m.text}`,
            `two members received different messages as seq ${m.seq} of room ${room} (${seen} and ${m.from}: ${m.text}, at ${name}): a seq names one message for everyone`,
          );
          bySeq.set(m.seq, `${m.from}: ${m.text}`);
        }
      const total = [...said].filter(([key]) => key.endsWith(` ${room}`)).reduce((n, [, texts]) => n + texts.length, 0);
      ensure(
        [...bySeq.keys()].sort((x, y) => x - y).join() === Array.from({ length: total }, (_, i) => i + 1).join(),
        `room ${room} had ${total} messages, so its seqs are 1..${total}; members saw seqs ${[...bySeq.keys()].sort((x, y) => x - y).join(", ")}. ` +
          "Each room counts its own messages (a counter per room, not one for the server).",
      );
      for (const [name, client] of clients) {
        if (!rooms[name]?.includes(room)) continue;
        const got = seqs(client.messages(room));
        const expected = [...bySeq].filter(([, line]) => !line.startsWith(`${name}: `)).map(([seq]) => seq);
        expected.sort((x, y) => x - y);
        ensure(
          got.join() === expected.join(),
          `${name} received seqs ${got.join(", ")} in room ${room}; it should get every message not its own, once, in seq order: ${expected.join(", ")}`,
        );
      }
      for (const [key, texts] of said) {
        const [name, inRoom] = key.split(" ");
        if (inRoom !== room) continue;
        const inOrder = [...bySeq].sort(([x], [y]) => x - y).map(([, line]) => line);
        const mine = inOrder
          .filter((line) => line.startsWith(`${name}: `))
          .map((line) => line.slice(`${name}: `.length));
        ensure(
          mine.join("|") === texts.join("|"),
          `${name}'s messages in ${room} were numbered out of the order it sent them`,
        );
      }
    }
  });
});

describe("join, leave and presence", () => {
  test("a joiner learns who is there, in join order; the others are told, the joiner is not", async () => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    const bob = await bed.connect(url);
    expect(await bob.join("general", "bob")).toEqual({
      type: "joined",
      room: "general",
      name: "bob",
      members: ["ada", "bob"],
      history: [],
    });
    await settle(bob, ada);
    expect(ada.presence("general")).toEqual([{ type: "presence", room: "general", event: "joined", name: "bob" }]);
    expect(bob.presence("general")).toEqual([]);
  });

  test("leave: the leaver gets left, the others a notice, and the room's messages stop", async () => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    const bob = await bed.member(url, "general", "bob");
    expect(await bob.request({ type: "leave", room: "general" })).toEqual([{ type: "left", room: "general" }]);
    await settle(ada);
    expect(ada.presence("general").at(-1)).toEqual({ type: "presence", room: "general", event: "left", name: "bob" });
    expect(await ada.who("general")).toEqual(["ada"]);
    ada.say("general", "anyone?");
    await settle(ada, bob);
    ensure(bob.messages("general").length === 0, "bob left general and still received a message said there");
    expect((await bob.request({ type: "say", room: "general", text: "hi" }))[0]).toMatchObject({
      type: "error",
      code: "NOT_A_MEMBER",
    });
  });

  test("a name is one member per room: a second connection asking for it is refused, and nobody is told it joined", async () => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    const bob = await bed.member(url, "general", "bob");
    const impostor = await bed.connect(url);
    const answer = await impostor.join("general", "ada");
    expect(answer).toMatchObject({ type: "error", code: "NAME_TAKEN" });
    await settle(ada, bob);
    ensure(
      bob.presence("general").filter((p) => p.name === "ada").length === 0,
      "the room was told ada joined, but that join was refused (NAME_TAKEN): refuse before announcing, never announce and then refuse",
    );
    expect(await bob.who("general")).toEqual(["ada", "bob"]);
    ada.say("general", "still me");
    await settle(ada, impostor);
    ensure(
      impostor.messages("general").length === 0,
      "a connection whose join was refused received the room's messages",
    );
  });

  test("who answers for any room, joined or not; [] for a room nobody is in", async () => {
    const { url } = await bed.start();
    await bed.member(url, "general", "ada");
    const outsider = await bed.connect(url);
    expect(await outsider.who("general")).toEqual(["ada"]);
    expect(await outsider.who("nowhere")).toEqual([]);
  });
});

describe("history", () => {
  test("a joiner gets the room's last historySize messages, oldest first", async () => {
    const { url } = await bed.start({ historySize: 3 });
    const ada = await bed.member(url, "general", "ada");
    for (const text of ["one", "two", "three", "four", "five"]) ada.say("general", text);
    await ada.sync();
    const late = await bed.connect(url);
    const joined = await late.join("general", "late");
    const history = joined?.type === "joined" ? joined.history : [];
    ensure(
      seqs(history).join() === "3,4,5",
      `after 5 messages, a room keeping the last 3 messages should hand a joiner seqs 3, 4, 5 (oldest first); it gave ${seqs(history).join(", ") || "none"}`,
    );
    expect(history[0]).toEqual({ type: "message", room: "general", seq: 3, from: "ada", text: "three" });
  });

  test("rejoining with after = the last seq seen gets what was missed, and nothing twice", async () => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    const bob = await bed.member(url, "general", "bob");
    ada.say("general", "one");
    ada.say("general", "two");
    await settle(ada, bob);
    const lastSeen = Math.max(...seqs(bob.messages("general")));
    bob.terminate();
    await eventually(() => leftNotices(ada, "general", "bob") > 0, [ada]);
    ada.say("general", "three");
    ada.say("general", "four");
    const back = await bed.connect(url);
    const joined = await back.join("general", "bob", lastSeen);
    const history = joined?.type === "joined" ? joined.history : [];
    ensure(
      seqs(history).join() === "3,4",
      `bob saw up to seq ${lastSeen}, then rejoined with after: ${lastSeen}; he should get seqs 3, 4 and got ${seqs(history).join(", ") || "none"}. ` +
        `after names the last message the client already has: send only seq > after, or it gets seq ${lastSeen} twice.`,
    );
  });

  test("an after beyond the room's last seq (a cursor from before a restart) gets the whole history", async () => {
    const { url } = await bed.start(); // a fresh server: seq starts again at 1
    const ada = await bed.member(url, "general", "ada");
    ada.say("general", "first after the restart");
    ada.say("general", "second");
    await ada.sync();
    const returning = await bed.connect(url);
    const joined = await returning.join("general", "bob", 40);
    const history = joined?.type === "joined" ? joined.history : [];
    ensure(
      seqs(history).join() === "1,2",
      `bob last saw seq 40 before the server restarted; this room's last seq is 2, so 40 is a stale cursor from another life of the room. ` +
        `He got ${seqs(history).join(", ") || "no history"}; send the whole history, since no message here is one he has seen.`,
    );
  });
});

describe("broken connections", () => {
  test("a connection cut without a close leaves every room it was in, the rooms are told, and nothing more is sent to it", async () => {
    const { url } = await bed.start();
    const sends = watchSendsToClosedSockets();
    const ada = await bed.connect(url);
    await ada.join("a", "ada");
    await ada.join("b", "ada");
    const bob = await bed.member(url, "a", "bob");
    const cyd = await bed.member(url, "b", "cyd");
    ada.terminate();
    const told = await eventually(() => leftNotices(bob, "a", "ada") + leftNotices(cyd, "b", "ada") === 2, [bob, cyd]);
    const stale = [
      (await bob.who("a"))?.includes("ada") ? "a" : "",
      (await cyd.who("b"))?.includes("ada") ? "b" : "",
    ].filter(Boolean);
    ensure(
      told && stale.length === 0,
      `ada was in rooms a and b when her connection was cut; ${stale.length ? `room ${stale.join(" and ")} still lists her` : "the rooms were not both told"}. ` +
        "A close event, however the connection ended, must take the connection out of every room it joined, not only the last one, and tell each room once.",
    );
    bob.say("a", "are you there?");
    cyd.say("b", "hello?");
    await settle(bob, cyd);
    ensure(
      sends.count() === 0,
      `the server handed ws ${sends.count()} frames for ada's closed connection: once closed, send it nothing`,
    );
    const back = await bed.connect(url);
    expect(await back.join("a", "ada")).toMatchObject({ type: "joined", members: ["bob", "ada"] });
  });

  test("heartbeat: a connection that stops answering pings is cut at the next round; the others stay", async () => {
    const { url, heartbeat } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    const zed = await bed.connect(url, { autoPong: false }); // hung: it never answers a ping
    await zed.join("general", "zed");
    heartbeat.tick(); // round 1: everyone is pinged
    await settle(zed, ada); // zed holds its ping; ada's pong has reached the server
    const stillIn = await ada.who("general");
    ensure(
      ada.pings === 1 && zed.pings === 1 && stillIn?.join() === "ada,zed",
      `after round 1, ada and zed had been pinged ${ada.pings} and ${zed.pings} times, and the room holds ${stillIn?.join(", ") || "no one"}: ` +
        "each round pings every open connection once, and cuts only one that missed the previous round's ping. " +
        "A connection that has never been pinged has missed nothing: it starts out counted as alive.",
    );
    heartbeat.tick(); // round 2: zed did not answer
    const cut = await eventually(() => leftNotices(ada, "general", "zed") === 1, [ada]);
    ensure(
      cut,
      "zed never answered round 1's ping, and round 2 did not cut it: each round, terminate a connection that has not answered the previous ping (and take it out of its rooms), then ping the rest",
    );
    const late = await bed.member(url, "general", "late"); // connects between rounds: never pinged
    heartbeat.tick(); // round 3: ada answered round 2's ping; late has not been pinged yet
    await settle(ada, late, ada);
    const members = await ada.who("general");
    ensure(
      members?.join() === "ada,late",
      `after round 3 the room holds ${members?.join(", ")}; it should hold ada (who answered every ping) and late. ` +
        "late connected after round 2, so it had never been pinged: a connection starts out counted as alive, and is only cut for a ping it did not answer.",
    );
  });
});

describe("a slow client", () => {
  test("is dropped with 1013 once its unsent bytes would pass the limit; it is never skipped silently, and the others never wait", async () => {
    const { url } = await bed.start({ maxBufferedBytes: 65_536, maxTextLength: 10_000 });
    const talker = await bed.member(url, "r", "talker");
    const slow = await bed.member(url, "r", "slow");
    const fast = await bed.member(url, "r", "fast"); // after slow: a fan-out reaches it after slow
    slow.socket.pause(); // it stops reading: the kernel's buffers fill, then the server's queue for it
    const body = "x".repeat(9_000);
    let sent = 0;
    const dropped = () => leftNotices(talker, "r", "slow") > 0;
    while (!dropped() && sent < 2_400) {
      for (let i = 0; i < 50; i++) talker.say("r", `${++sent} ${body}`);
      await settle(talker, fast);
      const got = fast.messages("r").length;
      ensure(
        got === sent,
        `slow stopped reading, and fast, which reads everything, had ${got} of the ${sent} messages said once the server had read them all: ` +
          "a slow member held up the room. Write to each member without waiting for any of them (no await per send, no queue " +
          "that moves at the slowest reader's pace), while the say is being read; a member that cannot keep up is dropped, never waited for.",
      );
    }
    ensure(
      dropped(),
      `slow has read nothing while ${sent} messages (${Math.round((sent * 9) / 1000)} MB) went out, and it is still in the room. ` +
        "Before each frame to a member, compare socket.bufferedAmount + the frame's bytes with maxBufferedBytes; past it, do not send, take the member out of its rooms and close with 1013. " +
        "Skipping the frame instead leaves the client a silent gap it cannot see; queueing without a bound runs the server out of memory.",
    );
    expect(seqs(fast.messages("r"))).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
    slow.send({ type: "join", room: "r", name: "slow" }); // before it has read its close
    slow.socket.resume();
    await slow.sync(); // everything it was sent, then its close (or, if it was never closed, a pong)
    const closed = slow.closedWith;
    ensure(
      closed !== undefined,
      "slow was taken out of the room, but its connection was never closed: close it with 1013",
    );
    const members = await talker.who("r");
    ensure(
      members?.join() === "talker,fast" && leftNotices(talker, "r", "slow") === 1,
      `after slow was dropped, the room holds ${members?.join(", ")} and talker was told ${leftNotices(talker, "r", "slow")} times that slow left. ` +
        "A dropped connection leaves its rooms once, and nothing more is read from it: not even a join it sent before it read its close.",
    );
    const got = seqs(slow.messages("r"));
    ensure(
      got.every((seq, i) => seq === i + 1) && got.length < sent,
      `before its close, slow received seqs ${got.slice(0, 3).join(", ")}...${got.slice(-3).join(", ")} of ${sent}: it must get a gapless prefix, then the close`,
    );
    const refused = got.length + 1; // the message whose fan-out found slow too slow
    const notice = fast.frames.findIndex((f) => f.type === "presence" && f.event === "left" && f.name === "slow");
    const message = fast.frames.findIndex((f) => f.type === "message" && f.seq === refused);
    ensure(
      message < notice,
      `fast was told slow left before it received message ${refused}, the one whose fan-out found slow too slow: ` +
        "finish the fan-out to every other member, then drop the slow one and announce it",
    );
    ensure(
      closed.code === CLOSE_TOO_SLOW && /slow/i.test(closed.reason),
      `slow was closed with ${closed.code} ${JSON.stringify(closed.reason)}; close a client dropped for slowness with ${CLOSE_TOO_SLOW} (Try Again Later) ` +
        "and a reason that says it was too slow, after what it was already sent, so it knows to reconnect and resume with after",
    );
  }, 30_000); // a server that never drops slow sends 22 MB before this test gives up: slow on a busy machine
});

describe("bad frames: answered with an error frame, and the connection stays usable", () => {
  const cases: [string, string | Buffer, ChatErrorCode, RegExp][] = [
    ["text that is not JSON", "hello there", "NOT_JSON", /JSON/],
    ["a binary frame", Buffer.from([1, 2, 3]), "NOT_JSON", /binary/i],
    ["a JSON array", '["say","general","hi"]', "INVALID_FRAME", /object/],
    ["a frame with no type", '{"room":"general","text":"hi"}', "UNKNOWN_TYPE", /type/],
    ["an unknown type", '{"type":"shout","room":"general","text":"hi"}', "UNKNOWN_TYPE", /shout/],
    ["a say with no room", '{"type":"say","text":"hi"}', "INVALID_FRAME", /room/],
    ["a join with no name", '{"type":"join","room":"other"}', "INVALID_FRAME", /name/],
    ["a say whose text is a number", '{"type":"say","room":"general","text":42}', "INVALID_FRAME", /text/],
    [
      "a say of 2,001 characters",
      JSON.stringify({ type: "say", room: "general", text: "y".repeat(2_001) }),
      "TEXT_TOO_LONG",
      /2001|2,001/,
    ],
    ["a say in a room not joined", '{"type":"say","room":"elsewhere","text":"hi"}', "NOT_A_MEMBER", /elsewhere/],
    ["a leave of a room not joined", '{"type":"leave","room":"elsewhere"}', "NOT_A_MEMBER", /elsewhere/],
    ["a second join of the same room", '{"type":"join","room":"general","name":"ada2"}', "ALREADY_JOINED", /general/],
    [
      "a join with a negative after",
      '{"type":"join","room":"other","name":"ada","after":-1}',
      "INVALID_FRAME",
      /after/,
    ],
  ];

  test.each(cases)("%s", async (_what, frame, code, names) => {
    const { url } = await bed.start();
    const ada = await bed.member(url, "general", "ada");
    const bob = await bed.member(url, "general", "bob");
    const answers = await ada.request(frame);
    expect(answers).toEqual([{ type: "error", code, message: expect.stringMatching(names) as unknown as string }]);
    ada.say("general", "still here");
    await settle(ada, bob);
    ensure(
      bob
        .messages("general")
        .map((m) => m.text)
        .join() === "still here" && bob.errors().length === 0,
      "after the error frame, ada's connection must stay usable and her membership unchanged: her next say should reach bob, and only she hears about her mistake. " +
        `bob received ${JSON.stringify(bob.frames.slice(-2))}`,
    );
    expect(await bob.who("general")).toEqual(["ada", "bob"]);
  });

  test("a text of exactly maxTextLength is accepted; one character more is not", async () => {
    const { url } = await bed.start({ maxTextLength: 10 });
    const ada = await bed.member(url, "general", "ada");
    const bob = await bed.member(url, "general", "bob");
    expect(await ada.request({ type: "say", room: "general", text: "0123456789" })).toEqual([]);
    expect((await ada.request({ type: "say", room: "general", text: "0123456789!" }))[0]).toMatchObject({
      code: "TEXT_TOO_LONG",
    });
    await settle(bob);
    expect(bob.messages("general").map((m) => m.text)).toEqual(["0123456789"]);
  });
});

describe("parseClientFrame", () => {
  test("keeps the protocol's fields and drops the rest (a client cannot say who it is)", () => {
    expect(parseClientFrame('{"type":"say","room":"general","text":"hi","from":"admin"}')).toEqual({
      type: "say",
      room: "general",
      text: "hi",
    });
    expect(parseClientFrame('{"type":"join","room":"general","name":"ada","after":7}')).toEqual({
      type: "join",
      room: "general",
      name: "ada",
      after: 7,
    });
    expect(parseClientFrame('{"type":"who","room":"general","name":"x"}')).toEqual({ type: "who", room: "general" });
  });

  test.each([
    ["{", "NOT_JSON"],
    ["null", "INVALID_FRAME"],
    ['{"type":"leave"}', "INVALID_FRAME"],
    ['{"type":"leave","room":""}', "INVALID_FRAME"],
    [JSON.stringify({ type: "leave", room: "r".repeat(101) }), "INVALID_FRAME"],
    [JSON.stringify({ type: "join", room: "r", name: "n".repeat(33) }), "INVALID_FRAME"],
    ['{"type":"join","room":"r","name":"ada","after":1.5}', "INVALID_FRAME"],
    ['{"type":"say","room":"r","text":""}', "INVALID_FRAME"],
    ['{"type":"SAY","room":"r","text":"hi"}', "UNKNOWN_TYPE"],
    ['{"type":"shout"}', "UNKNOWN_TYPE"],
  ] as const)("%s is refused with %s", (text, code) => {
    expect(codeOf(ChatError, () => parseClientFrame(text))).toBe(code);
  });

  test("room and name may be as long as their limits, 100 and 32 characters", () => {
    const room = "r".repeat(100);
    const name = "n".repeat(32);
    expect(parseClientFrame(JSON.stringify({ type: "join", room, name }))).toEqual({ type: "join", room, name });
  });
});

describe("options", () => {
  test.each<[string, ChatServerOptions]>([
    ["historySize -1", { historySize: -1 }],
    ["historySize 1,001", { historySize: 1_001 }],
    ["historySize 2.5", { historySize: 2.5 }],
    ["maxTextLength 0", { maxTextLength: 0 }],
    ["maxTextLength 10,001", { maxTextLength: 10_001 }],
    ["maxBufferedBytes 1,023", { maxBufferedBytes: 1_023 }],
    ["maxBufferedBytes NaN", { maxBufferedBytes: Number.NaN }],
  ])("%s is refused with INVALID_OPTIONS", (_what, options) => {
    const { timer } = new ManualHeartbeat(); // should the server be made after all, it starts no timer
    expect(codeOf(ChatError, () => createChatFanoutServer({ heartbeat: timer, ...options }))).toBe("INVALID_OPTIONS");
  });
});
