/**
 * The files `kata new` writes, per kind: a whole exercise that already runs (the stub fails its
 * one test with the not-implemented message, the reference passes it, the bench measures), with
 * every piece an author must still write marked TODO(kata new), so verify lists exactly those.
 */
import type { ExerciseKind, ExerciseMeta } from "../catalog/exercise-meta";
import { README_SECTIONS } from "../verify/readme-sections";
import { SELF_EVALUATION } from "../interview/interview-brief";

/** Left in every placeholder; verify names each file that still has one. */
export const PLACEHOLDER = "TODO(kata new)";

export interface ScaffoldNames {
  track: string;
  slug: string;
  kind: ExerciseKind;
  /** PascalCase of the slug: the class the stub exports. */
  pascal: string;
  /** What the course outline says the learner builds. */
  builds: string;
}

export function pascalCase(slug: string): string {
  return slug
    .split("-")
    .map((word) => (word[0] ?? "").toUpperCase() + word.slice(1))
    .join("");
}

/** The workload each kind starts with: the one kind of measurement its harness has. */
function workloadName(kind: ExerciseKind): string {
  return kind === "http"
    ? "requests"
    : kind === "ws"
      ? "deliveries"
      : kind === "sim"
        ? "messages per run"
        : "operations";
}

export function exerciseJson(n: ScaffoldNames): ExerciseMeta {
  return {
    slug: n.slug,
    title: `${PLACEHOLDER}: a title for kata list`,
    track: n.track,
    kind: n.kind,
    difficulty: 3,
    estimatedMinutes: 60,
    prerequisites: [],
    topic: `${PLACEHOLDER}: the system-design topic, in words a reader can look up`,
    skills: ["Architecture design"],
    entry: n.slug,
    budgets: { [workloadName(n.kind)]: 0.5 },
  };
}

export function readme(n: ScaffoldNames): string {
  const body: Record<(typeof README_SECTIONS)[number], string> = {
    "The real system": `${PLACEHOLDER}: where this runs in production, and why it matters.`,
    "Your task": `${n.builds}\n\n${PLACEHOLDER}: the task in a paragraph.`,
    "The API": `${PLACEHOLDER}: the types and methods of src/${n.slug}.ts.`,
    Rules: `${PLACEHOLDER}: what correct means, precisely.`,
    "Bad input": `${PLACEHOLDER}: each invalid argument and the ${n.pascal}Error code it gets.`,
    Example: `${PLACEHOLDER}: a short example.`,
    Budget: `\`npx kata bench ${n.slug}\` measures your implementation against the reference in the same run.\n\n<!-- kata:budgets -->\n<!-- /kata:budgets -->\n\n${PLACEHOLDER}: what misses the budget, and by how much.`,
    "Follow-up questions": `${PLACEHOLDER}: the interviewer's next questions.`,
    Interview: `> ${PLACEHOLDER}: the question as an interviewer states it, in one or two sentences.\n\n**Requirements.**\n- ${PLACEHOLDER}: what it must do and guarantee, one per line.\n\n**Scale.**\n- ${PLACEHOLDER}: the figures that size it.`,
  };
  const sections = README_SECTIONS.map((section) => `## ${section}\n\n${body[section]}\n`);
  return [`# ${n.pascal}`, "", `${PLACEHOLDER}: track, difficulty, time, topic.`, "", ...sections].join("\n");
}

export function errorsModule(n: ScaffoldNames): string {
  return `import { CodedError } from "#kata";

/** The errors ${n.slug} raises. Given code: the learner uses it as it is. */
export type ${n.pascal}ErrorCode =
  | "INVALID_INPUT"; // ${PLACEHOLDER}: one code per kind of bad input, with a comment each

export class ${n.pascal}Error extends CodedError<${n.pascal}ErrorCode> {
  override readonly name = "${n.pascal}Error";
}
`;
}

/** The stub and the reference: the same API, one body throwing, one working. */
export function entryModule(n: ScaffoldNames, side: "stub" | "reference"): string {
  const stub = side === "stub";
  switch (n.kind) {
    case "http":
      return `import { createServer, type Server } from "node:http";${stub ? `\nimport { notImplemented } from "#kata";` : ""}

/** ${PLACEHOLDER}: what the server does, for the learner. */
export function create${n.pascal}Server(): Server {
${stub ? `  return notImplemented("create${n.pascal}Server");` : `  return createServer((_request, response) => {\n    response.writeHead(200, { "content-type": "text/plain" }).end("ok"); // ${PLACEHOLDER}: the reference\n  });`}
}
`;
    case "ws":
      return `import { createServer, type Server } from "node:http";
import { WebSocketServer } from "ws";${stub ? `\nimport { notImplemented } from "#kata";` : ""}

/** ${PLACEHOLDER}: the frames clients send, as JSON text. */
export type ClientFrame = { type: "join"; room: string; name: string } | { type: "say"; room: string; text: string };
/** ${PLACEHOLDER}: the frames the server sends. */
export interface MessageFrame {
  type: "message";
  room: string;
  from: string;
  text: string;
}

/** ${PLACEHOLDER}: what the server does, for the learner. Returns an http server, not yet listening. */
export function create${n.pascal}Server(): Server {
${
  stub
    ? `  return notImplemented("create${n.pascal}Server");`
    : `  const server = createServer();
  const sockets = new WebSocketServer({ server });
  sockets.on("connection", (socket) => {
    let name = "";
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as ClientFrame;
      if (frame.type === "join") name = frame.name;
      else
        for (const other of sockets.clients) // ${PLACEHOLDER}: the reference (rooms, once and in order)
          if (other !== socket) other.send(JSON.stringify({ type: "message", room: frame.room, from: name, text: frame.text }));
    });
  });
  return server;`
}
}
`;
    case "sim":
      return `import type { NodeContext, SimNode } from "#kata/sim";${stub ? `\nimport { notImplemented } from "#kata";` : ""}

/** ${PLACEHOLDER}: the messages the nodes exchange. */
export interface Ping {
  type: "ping";
}

/** ${PLACEHOLDER}: what one node does, for the learner. */
export class ${n.pascal}Node implements SimNode<Ping> {
  ${stub ? "constructor(ctx: NodeContext<Ping>) {\n    notImplemented(`new " + n.pascal + "Node() for ${ctx.id}`);\n  }" : `constructor(ctx: NodeContext<Ping>) {\n    for (const peer of ctx.peers) ctx.send(peer, { type: "ping" }); // ${PLACEHOLDER}: the reference\n  }`}

  onMessage(from: string, message: Ping): void {
    ${stub ? `notImplemented(\`${n.pascal}Node.onMessage(\${from}, \${message.type})\`);` : `void from;\n    void message;`}
  }
}
`;
    case "sql":
      return `${stub ? "" : `import Database from "better-sqlite3";\n`}${stub ? `import { notImplemented } from "#kata";\n` : ""}import { ${n.pascal}Error } from "./errors";

/** ${PLACEHOLDER}: the API of the exercise, with doc comments that teach it. Its state lives in a SQLite file. */
export class ${n.pascal} {
${stub ? "" : "  private readonly db: Database.Database;\n\n"}  /** Opens the database file at \`file\`, creating it and its table on first use. */
  constructor(file: string) {
${stub ? `    notImplemented(\`new ${n.pascal}(\${file})\`);` : `    this.db = new Database(file);\n    this.db.pragma("journal_mode = WAL");\n    this.db.exec("CREATE TABLE IF NOT EXISTS items (value TEXT NOT NULL)"); // ${PLACEHOLDER}: the reference`}
  }

  /**
   * ${PLACEHOLDER}: one write.
   * @throws ${n.pascal}Error INVALID_INPUT for an empty value.
   */
  add(value: string): void {
${stub ? `    notImplemented("${n.pascal}.add");` : `    if (value === "") throw new ${n.pascal}Error("INVALID_INPUT", "add() needs a non-empty value");\n    this.db.prepare("INSERT INTO items (value) VALUES (?)").run(value);`}
  }

  /** ${PLACEHOLDER}: one read. */
  count(): number {
${stub ? `    return notImplemented("${n.pascal}.count");` : `    return (this.db.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n;`}
  }

  /** Closes the connection; the file stays. */
  close(): void {
${stub ? `    notImplemented("${n.pascal}.close");` : `    this.db.close();`}
  }
}
`;
    default:
      return `${stub ? `import { notImplemented } from "#kata";\n` : ""}import { ${n.pascal}Error } from "./errors";

/** ${PLACEHOLDER}: the API of the exercise, with doc comments that teach it. */
export class ${n.pascal} {
  /**
   * ${PLACEHOLDER}: one operation.
   * @throws ${n.pascal}Error INVALID_INPUT for an empty input.
   */
  run(input: string): string {
${stub ? `    return notImplemented("${n.pascal}.run");` : `    if (input === "") throw new ${n.pascal}Error("INVALID_INPUT", "run() needs a non-empty input");\n    return input.toUpperCase(); // ${PLACEHOLDER}: the reference`}
  }
}
`;
  }
}

/** The visible tests (or the hidden ones): one that the stub fails and the reference passes. */
export function testFile(n: ScaffoldNames, suite: "visible" | "hidden"): string {
  const title =
    suite === "visible" ? `${PLACEHOLDER}: the behaviour this test names` : `${PLACEHOLDER}: a grading-only case`;
  switch (n.kind) {
    case "http":
      return `import type { Server } from "node:http";
import { closeServer, ensure, listenOnLoopback } from "#kata/testing";
import { create${n.pascal}Server } from "./src/${n.slug}";

let server: Server | undefined;
afterAll(() => closeServer(server));

test("${title}", async () => {
  server = create${n.pascal}Server();
  const base = await listenOnLoopback(server);
  const response = await fetch(\`\${base}/\`);
  ensure(response.status === 200, \`GET / answered \${response.status}; ${PLACEHOLDER}: a message that teaches\`);
});
`;
    case "ws":
      return `import type { Server } from "node:http";
import WebSocket from "ws";
import { closeServer, ensure, listenOnLoopback } from "#kata/testing";
import { create${n.pascal}Server, type MessageFrame } from "./src/${n.slug}";

let server: Server | undefined;
const clients: WebSocket[] = [];
afterAll(async () => {
  for (const client of clients) client.terminate();
  await closeServer(server);
});

async function connect(base: string, name: string): Promise<WebSocket> {
  const client = new WebSocket(base.replace("http", "ws"));
  clients.push(client);
  await new Promise((resolve, reject) => client.once("open", resolve).once("error", reject));
  client.send(JSON.stringify({ type: "join", room: "r", name }));
  return client;
}

test("${title}", async () => {
  server = create${n.pascal}Server();
  const base = await listenOnLoopback(server);
  const [ada, bob] = [await connect(base, "ada"), await connect(base, "bob")];
  const received = new Promise<MessageFrame>((resolve) => bob.once("message", (data) => resolve(JSON.parse(String(data)) as MessageFrame)));
  ada.send(JSON.stringify({ type: "say", room: "r", text: "hi" }));
  const frame = await received;
  ensure(frame.text === "hi" && frame.from === "ada", \`bob received \${JSON.stringify(frame)}; ${PLACEHOLDER}: a message that teaches\`);
});
`;
    case "sim":
      return `import { ensure } from "#kata/testing";
import { forEachSeed, Simulation } from "#kata/sim";
import { ${n.pascal}Node, type Ping } from "./src/${n.slug}";

test("${title}", () => {
  forEachSeed(5, (seed) => {
    const sim = new Simulation<Ping, ${n.pascal}Node>({ seed, nodeIds: ["a", "b", "c"], createNode: (ctx) => new ${n.pascal}Node(ctx) });
    sim.runFor(100);
    ensure(sim.stats.delivered > 0, "no message was delivered; ${PLACEHOLDER}: a message that teaches");
  });
});
`;
    case "sql":
      return `${
        suite === "visible"
          ? `import { codeOf, ensure, tempDatabase, type TempDatabase } from "#kata/testing";\nimport { ${n.pascal}Error } from "./src/errors";`
          : `import { ensure, tempDatabase, type TempDatabase } from "#kata/testing";`
      }
import { ${n.pascal} } from "./src/${n.slug}";

// Each test gets a database file of its own, removed afterwards with its journals.
let database: TempDatabase;
const opened: ${n.pascal}[] = [];
beforeEach(() => {
  database = tempDatabase("${n.slug.slice(0, 40)}");
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  database.remove();
});

function open(): ${n.pascal} {
  const store = new ${n.pascal}(database.path);
  opened.push(store);
  return store;
}

test("${title}", () => {
  const first = open();
  first.add("a");
  first.close();
  opened.splice(opened.indexOf(first), 1);
  const count = open().count();
  ensure(count === 1, \`after one add, a close and a reopen, count() is \${count}; ${PLACEHOLDER}: a message that teaches\`);
});
${
  suite === "visible"
    ? `
test("an empty value is refused with INVALID_INPUT", () => {
  const store = open();
  ensure(codeOf(${n.pascal}Error, () => store.add("")) === "INVALID_INPUT", "${PLACEHOLDER}: a message that teaches");
});
`
    : ""
}`;
    default:
      return `${
        suite === "visible"
          ? `import { codeOf, ensure } from "#kata/testing";\nimport { ${n.pascal}Error } from "./src/errors";`
          : `import { ensure } from "#kata/testing";`
      }
import { ${n.pascal} } from "./src/${n.slug}";

test("${title}", () => {
  ensure(new ${n.pascal}().run("a") === "A", "${PLACEHOLDER}: a message that says what a correct design gives");
});
${
  suite === "visible"
    ? `
test("an empty input is refused with INVALID_INPUT", () => {
  const subject = new ${n.pascal}();
  ensure(codeOf(${n.pascal}Error, () => subject.run("")) === "INVALID_INPUT", "${PLACEHOLDER}: a message that teaches");
});
`
    : ""
}`;
  }
}

export function benchFile(n: ScaffoldNames): string {
  const name = workloadName(n.kind);
  switch (n.kind) {
    case "http":
      return `/** ${PLACEHOLDER}: why these requests are what a real server of this kind spends its time on. */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/${n.slug}";

export default defineBench<typeof Api>({
  workloads: [
    { kind: "http", name: "${name}", server: (api) => api.create${n.pascal}Server(), requests: [{ path: "/" }], connections: 16, roundSeconds: 2 },
  ],
});
`;
    case "ws":
      return `/** ${PLACEHOLDER}: why this load is what a real server of this kind spends its time on. */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/${n.slug}";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "ws",
      name: "${name}",
      server: (api) => api.create${n.pascal}Server(),
      rooms: 4,
      membersPerRoom: 8,
      window: 4,
      roundSeconds: 2,
      joinFrames: (room, member) => [JSON.stringify({ type: "join", room, name: \`m\${member}\` })],
      messageFrame: (room, _member, seq) => JSON.stringify({ type: "say", room, text: String(seq) }),
      delivered: (frame) => {
        const message = JSON.parse(frame) as Api.MessageFrame;
        return message.type === "message" ? { member: Number(message.from.slice(1)), seq: Number(message.text) } : undefined;
      },
    },
  ],
});
`;
    case "sim":
      return `/** ${PLACEHOLDER}: why this figure is the cost that matters. */
import { defineBench } from "#kata/bench";
import { Simulation } from "#kata/sim";
import type * as Api from "./src/${n.slug}";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "sim",
      name: "${name}",
      unit: "messages",
      seeds: 20,
      measure: (api, seed) => {
        const sim = new Simulation<Api.Ping, InstanceType<typeof api.${n.pascal}Node>>({ seed, nodeIds: ["a", "b", "c"], createNode: (ctx) => new api.${n.pascal}Node(ctx) });
        sim.runFor(100);
        return sim.stats.sent;
      },
    },
  ],
});
`;
    case "sql":
      return `/** ${PLACEHOLDER}: why this operation is what a real system spends its time on. */
import { defineBench, tempDatabase } from "#kata/bench";
import type * as Api from "./src/${n.slug}";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "${name}",
      unit: "rows added",
      // A file of its own per side, removed when the bench's process exits.
      setup: (api) => {
        const store = new api.${n.pascal}(tempDatabase("${n.slug.slice(0, 40)}").path);
        return () => store.add("a");
      },
    },
  ],
});
`;
    default:
      return `/** ${PLACEHOLDER}: why this operation is what a real system spends its time on. */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/${n.slug}";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "throughput",
      name: "${name}",
      unit: "runs",
      setup: (api) => {
        const subject = new api.${n.pascal}();
        return () => subject.run("a");
      },
    },
  ],
});
`;
  }
}

/** The DRAFT file: why it is there and when it goes. */
export const draftNote = (n: ScaffoldNames): string =>
  `This exercise is being built: the workbook leaves it out of kata list, grade, verify and the generated\n` +
  `tables while this file is here. Delete it once \`npx kata verify ${n.slug}\` passes.\n`;

export const hints = (): string =>
  `## Hint 1\n\n${PLACEHOLDER}: the least revealing hint.\n\n## Hint 2\n\n${PLACEHOLDER}: a more revealing one.\n`;

/** The reference's answers to kata interview's self-evaluation: one section per area. */
export const interviewAnswers = (n: ScaffoldNames): string =>
  [
    `# ${n.pascal}: answers to the interview's self-evaluation`,
    "",
    "Shown by `kata interview` after the clock stops, under each question.",
    ...SELF_EVALUATION.flatMap(({ area }) => ["", `## ${area}`, "", `${PLACEHOLDER}: the reference's answer.`]),
    "",
  ].join("\n");

export const notes = (n: ScaffoldNames): string =>
  `# ${n.pascal}: the reference\n\n${PLACEHOLDER}: the design, its complexity, the trade-offs, and the measured figures.\n`;

/** naive/: at first the reference itself, re-exported, so verify says the budget is not missed. */
export const naiveModule = (n: ScaffoldNames): string =>
  `/**\n * ${PLACEHOLDER}: a correct design with the obvious cost, which misses the budget; say what it costs and why.\n */\nexport * from "../src/${n.slug}";\n`;
