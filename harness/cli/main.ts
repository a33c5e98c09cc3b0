/**
 * kata: the workbook's command line. Each command lives in commands/; this file wires them up.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { loadCatalog, loadDrafts, selectExercises, type Exercise } from "../catalog/catalog";
import { REPORT_FORMATS } from "../report/formats";
import { benchCommand } from "./commands/bench";
import { gradeCommand, type GradeCommandOptions } from "./commands/grade";
import { hintCommand } from "./commands/hint";
import { listCommand, nextCommand } from "./commands/list";
import { revealCommand } from "./commands/reveal";
import { testCommand, type TestCommandOptions } from "./commands/test";
import { reportAndExit, UsageError } from "./errors";
import targets from "../resolve/targets.cjs";
import { verifyCommand } from "../verify/verify";
import { indexCommand } from "./commands/index";
import { newCommand } from "./commands/new";
import { nextExercise, readProgress } from "../progress/progress";
import { watch } from "../watch/watch";
import { interviewCommand } from "./commands/interview";
import { exportStudentCopy } from "../export/export";
import { similarityCommand } from "./commands/similarity";
import { gradebookCommand, gradebookMergeCommand, type GradebookCommandOptions } from "./commands/gradebook";

/** One exercise named on the command line; a draft too, so its author can test and bench it. */
function one(slug: string): Exercise {
  return selectExercises(loadCatalog(), [slug], loadDrafts())[0] as Exercise;
}

function positiveNumber(unit: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`give a number of ${unit} above 0`);
    return n;
  };
}
const positiveSeconds = positiveNumber("seconds");

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("give a whole number, 0 or more");
  return n;
}

const targetOption = (): Option =>
  new Option(
    "-t, --target <target>",
    "whose code: exercises (yours), solutions, naive, wrong:<variant>, or a folder laid out like exercises/",
  ).default(process.env.KATA_TARGET ?? "exercises");

const program = new Command("kata")
  .description("The system-design kata workbook: run, measure and grade the exercises.")
  .showHelpAfterError("(run kata <command> --help for its options)");

program
  .command("list")
  .description("every exercise, in course order, with where you stand on each")
  .action(() => listCommand(loadCatalog()));

program
  .command("next")
  .description("the exercise to work on now, and why (from your progress in .kata/progress.json)")
  .action(() => nextCommand(loadCatalog()));

program
  .command("test <slug>")
  .description("run an exercise's tests (what `npm test -- <slug>` does), against your code by default")
  .addOption(targetOption())
  .option("--hidden", "include the hidden grading tests", false)
  .option("--seed <n>", "seed for the tests' random data (KATA_SEED)")
  .option("--replay <seed>", "run simulated tests on this one seed only, as a failure's replay line says (KATA_REPLAY)")
  .option("--only <pattern>", "only the tests whose name matches (jest's -t)")
  .option("--watch", "rerun on every save", false)
  .action(async (slug: string, options: TestCommandOptions) => {
    process.exitCode = await testCommand(one(slug), options);
  });

program
  .command("watch [slug]")
  .description("run an exercise's tests now and on every save of its src/; keys: h hint, b bench, n next, q quit")
  .addOption(targetOption())
  .option("--time-limit <seconds>", "stop a run that takes longer (an infinite loop)", positiveSeconds, 120)
  .action(async (slug: string | undefined, options: { target: string; timeLimit: number }) => {
    targets.parseTarget(options.target); // a bad target fails here, in one line
    const catalog = loadCatalog();
    const start = slug !== undefined ? one(slug) : (nextExercise(catalog, readProgress())?.exercise ?? catalog[0]);
    if (start === undefined) throw new UsageError("the workbook has no exercises yet");
    await watch(catalog, start, {
      target: options.target,
      input: process.stdin,
      output: process.stdout,
      timeLimitMs: options.timeLimit * 1000,
    });
    process.exit(0); // q means done: a paused stdin pipe or a bench child must not keep the command alive
  });

program
  .command("interview [slug]")
  .description(
    "a mock interview: an exercise you have not passed, stated as an interviewer would, a countdown, then a report with the self-evaluation",
  )
  .option("--minutes <n>", "time allowed", positiveNumber("minutes"), 45)
  .option("--track <track>", "stay in one track (04-messaging, or 04)")
  .option("--seed <n>", "choose the same exercise again (printed in the report)", wholeNumber)
  .option("--no-bench", "leave out the bench at the end (performance scores 0)")
  .addOption(targetOption())
  .action(
    async (
      slug: string | undefined,
      options: { minutes: number; track?: string; seed?: number; bench: boolean; target: string },
    ) => {
      targets.parseTarget(options.target);
      await interviewCommand(loadCatalog(), slug !== undefined ? one(slug) : undefined, {
        ...options,
        input: process.stdin,
        output: process.stdout,
      });
      process.exit(0); // as for watch: a paused stdin must not keep the command alive
    },
  );

program
  .command("bench <slug>")
  .description("measure an exercise against the reference, in the same run, and compare with its budget")
  .addOption(targetOption())
  .option("-w, --workload <name...>", "only these workloads", [])
  .option("--no-peers", "leave out the comparison of the reference with npm libraries")
  .action(async (slug: string, options: { target: string; workload: string[]; peers: boolean }) => {
    process.exitCode = await benchCommand(one(slug), {
      target: options.target,
      workloads: options.workload,
      peers: options.peers,
    });
  });

program
  .command("grade [exercises...]")
  .description("grade exercises (all by default; slugs or tracks): tests, then benches, then a scorecard")
  .addOption(targetOption())
  .option("--hidden", "include the hidden grading tests (instructors)", false)
  .option("--no-bench", "skip the benches (performance scores 0)")
  .addOption(new Option("-f, --format <format>", "also write a report file").choices([...REPORT_FORMATS]))
  .option("-o, --out <file>", "where the report goes (default .kata/report.<format>)")
  .option("--time-limit <seconds>", "per-exercise limit for the tests", positiveSeconds, 120)
  .action(async (names: string[], options: GradeCommandOptions) => {
    process.exitCode = await gradeCommand(selectExercises(loadCatalog(), names), options);
  });

program
  .command("hint <slug>")
  .description("the next hint for an exercise, least revealing first")
  .option("--all", "every hint at once", false)
  .option("--reset", "start again from the first hint", false)
  .action((slug: string, options: { all: boolean; reset: boolean }) => hintCommand(one(slug), options));

program
  .command("reveal <slug>")
  .description("the reference solution's design notes, and where its code is")
  .action((slug: string) => revealCommand(one(slug)));

program
  .command("export <dir>")
  .description(
    "write a student copy to <dir>: the workbook without solutions/, hidden tests and notes (for a class, or a GitHub Classroom template)",
  )
  .option("--classroom", "add .github/workflows/classroom.yml (docs/classroom.md)", false)
  .action((dir: string, options: { classroom: boolean }) => {
    const { files } = exportStudentCopy(dir, options);
    process.stdout.write(
      `wrote ${files.length} files to ${dir}: no solutions/, no hidden tests, no notes.\n` +
        `next: cd ${dir} && npm ci && npx kata list${options.classroom ? " (then push it as the assignment's template)" : ""}\n`,
    );
  });

const gradebook = program
  .command("gradebook")
  .description("grade a class: every subfolder of <folder> is a student's submission (kata gradebook --help)");

gradebook
  .command("grade <folder>", { isDefault: true })
  .description(
    "grade every student's submission in <folder>, each exercise isolated, with reports (CSV, JSON, JUnit, HTML); resumable",
  )
  .option("-j, --jobs <n>", "test processes at once (default: the number of cores)", positiveNumber("processes"))
  .option("-e, --exercises <names>", "only these exercises or tracks, comma-separated")
  .option("--shard <i/n>", "grade only the i-th of n shares of the class (merge them with kata gradebook merge)")
  .option("--visible-only", "leave out the hidden tests", false)
  .option("--no-bench", "skip the benches (performance scores 0)")
  .option("-o, --out <dir>", "where the reports go (default <folder>-gradebook)")
  .option("--fresh", "grade everything again instead of reusing cached results", false)
  .option("--memory <mb>", "heap limit of each test process, in MB", positiveNumber("MB"))
  .option("--cache <dir>", "where results are cached (default .kata/gradebook-cache)")
  .action(
    async (
      folder: string,
      options: Omit<GradebookCommandOptions, "hidden"> & { visibleOnly: boolean; exercises?: string },
    ) => {
      const names =
        options.exercises
          ?.split(",")
          .map((n) => n.trim())
          .filter((n) => n.length > 0) ?? [];
      process.exitCode = await gradebookCommand(folder, selectExercises(loadCatalog(), names), {
        ...options,
        hidden: !options.visibleOnly,
      });
    },
  );

gradebook
  .command("merge <dirs...>")
  .description("combine the results of every --shard i/n run into one set of reports")
  .requiredOption("-o, --out <dir>", "where the combined reports go")
  .action((dirs: string[], options: { out: string }) => {
    process.exitCode = gradebookMergeCommand(dirs, options);
  });

program
  .command("similarity <folder>")
  .description(
    "pairs of submissions in <folder> (one subfolder per student) whose code is alike, per exercise, the reference included",
  )
  .option("-e, --exercises <names>", "only these exercises or tracks, comma-separated")
  .option("--threshold <share>", "report a pair when this share of either side's own code is in the other", Number)
  .option("-o, --out <dir>", "where the reports go (default <folder>-similarity)")
  .action((folder: string, options: { exercises?: string; threshold?: number; out?: string }) => {
    const names =
      options.exercises
        ?.split(",")
        .map((n) => n.trim())
        .filter((n) => n.length > 0) ?? [];
    process.exitCode = similarityCommand(folder, selectExercises(loadCatalog(), names), options);
  });

program
  .command("verify [exercises...]")
  .description(
    "the project's own tests: every exercise's stub, reference, naive and wrong variants, budgets; with no names, the harness's tests, types and lint too",
  )
  .option("--skip-bench", "leave out the budget checks (quicker, incomplete)", false)
  .action(async (names: string[], options: { skipBench: boolean }) => {
    process.exitCode = await verifyCommand({ ...options, names });
  });

program
  .command("new <id>")
  .description(
    "scaffold a planned exercise, <track>/<slug>, with its whole anatomy; verify then lists what is left to write",
  )
  .addOption(new Option("-k, --kind <kind>", "pure, http, sim, ws or sql (default: the course outline's)"))
  .action((id: string, options: { kind?: string }) => newCommand(id, options.kind));

program
  .command("index")
  .description("regenerate README.md's exercise table, docs/tracks.md and every README's budget table from the catalog")
  .action(() => indexCommand());

// A reader that goes away (`kata reveal x | head`) ends the command quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

program.parseAsync(process.argv).catch(reportAndExit);
