/**
 * The learner's type errors, found before the tests run. Jest transpiles file by file without
 * checking types (ts-jest's isolatedModules), so a wrong type shows up later as a puzzling runtime
 * failure, or never. This checks one exercise the way its tests see it: the visible test file is
 * the root, and every import resolves through the target's layers (harness/resolve/targets.cjs),
 * so a student's folder is checked as itself. Only errors in the learner's src/ and in the test
 * file (an expectation the src/ no longer meets: a missing export, a changed signature) are kept.
 *
 * A TypeChecker keeps its last program and hands it to the next build, so a second check after a
 * save re-reads only what changed (kata watch).
 */
import path from "node:path";
import ts from "typescript";
import type { Exercise } from "../catalog/catalog";
import targets from "../resolve/targets.cjs";

export interface TypeProblem {
  /** Relative to the exercise's folder (or the student's), e.g. src/lru-cache.ts. */
  file: string;
  line: number;
  column: number;
  message: string;
}

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(targets.REPO_ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  return { ...(parsed?.options ?? {}), noEmit: true, skipLibCheck: true };
}

function extensionOf(file: string): ts.Extension {
  if (file.endsWith(".d.ts")) return ts.Extension.Dts;
  if (file.endsWith(".ts")) return ts.Extension.Ts;
  if (file.endsWith(".cjs") || file.endsWith(".js")) return ts.Extension.Js;
  return ts.Extension.Ts;
}

export class TypeChecker {
  private readonly options = compilerOptions();
  private previous: ts.Program | undefined;
  /** Parsed files by name, with the modification time they were parsed at: libraries parse once. */
  private readonly parsed = new Map<string, { mtimeMs: number; file: ts.SourceFile }>();

  constructor(private readonly target: string) {}

  /** A host that re-parses only files changed since the last check: @types/node alone takes most of a second. */
  private host(): ts.CompilerHost {
    const host = ts.createCompilerHost(this.options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const mtimeMs = ts.sys.getModifiedTime?.(fileName)?.getTime() ?? Number.NaN;
      const cached = this.parsed.get(fileName);
      if (cached && cached.mtimeMs === mtimeMs) return cached.file;
      const file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) this.parsed.set(fileName, { mtimeMs, file });
      return file;
    };
    return host;
  }

  check(exercise: Exercise): TypeProblem[] {
    const target = targets.parseTarget(this.target);
    const host = this.host();
    host.resolveModuleNameLiterals = (literals, containingFile) =>
      literals.map((literal) => {
        let plainResult: ts.ResolvedModuleFull | undefined;
        const plain = (request: string): string => {
          plainResult = ts.resolveModuleName(request, containingFile, this.options, host).resolvedModule;
          if (!plainResult) throw new Error(`cannot resolve ${request}`);
          return plainResult.resolvedFileName;
        };
        try {
          const file = targets.resolveImport(literal.text, path.dirname(containingFile), target, plain);
          // The request as written had no .ts extension, even when the workbook's mapping (#kata/x
          // to harness/kata/x.ts) resolved it through a path that has one.
          if (plainResult?.resolvedFileName === file)
            return { resolvedModule: { ...plainResult, resolvedUsingTsExtension: false } };
          return { resolvedModule: { resolvedFileName: file, extension: extensionOf(file) } };
        } catch {
          return { resolvedModule: undefined };
        }
      });
    const program = ts.createProgram({
      rootNames: [exercise.visibleTest],
      options: this.options,
      host,
      ...(this.previous ? { oldProgram: this.previous } : {}),
    });
    this.previous = program;
    const learnerSrc = path.dirname(
      targets.implementationFile(
        { track: exercise.meta.track, slug: exercise.meta.slug, module: exercise.meta.entry },
        target,
      ),
    );
    const base = path.dirname(learnerSrc);
    const watched = (file: string): boolean =>
      path.resolve(file) === path.resolve(exercise.visibleTest) ||
      !path.relative(learnerSrc, path.resolve(file)).startsWith("..");
    // Diagnostics of the watched files only: checking the harness and the libraries as well
    // would cost seconds and report nothing the learner can fix.
    const diagnostics = program
      .getSourceFiles()
      .filter((file) => watched(file.fileName))
      .flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]);
    return diagnostics
      .filter((d) => d.file !== undefined)
      .map((d) => {
        const file = d.file as ts.SourceFile;
        const { line, character } = file.getLineAndCharacterOfPosition(d.start ?? 0);
        const inTest = path.resolve(file.fileName) === path.resolve(exercise.visibleTest);
        return {
          file: inTest ? path.basename(file.fileName) : path.relative(base, file.fileName),
          line: line + 1,
          column: character + 1,
          message: ts.flattenDiagnosticMessageText(d.messageText, " "),
        };
      });
  }
}

/** Lines for a terminal: "src/lru-cache.ts:12:5 Type 'string' is not assignable to type 'number'." */
export function formatTypeProblems(problems: TypeProblem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
}
