/**
 * The scan of a submission's source that runs before its tests when the workbook grades code that
 * is not its own (a folder target). It applies harness/resolve/submission-rules.cjs to every
 * import it can see, and refuses the usual ways around an import: a require or import() of a
 * computed path, and the handles that reach a module loader or a file reader without naming one
 * (require.main, module, arguments, jest, eval, the Function constructor, process.binding and
 * process.getBuiltinModule, globalThis.process). The resolver refuses at run time what gets past
 * this (a path computed into a literal-free require is already refused here).
 *
 * Core modules are the reason for a scan: jest loads `node:fs` without asking the resolver. It is
 * a fence against the easy ways, not a sandbox: docs/grading.md says what it covers.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { Exercise } from "../catalog/catalog";
import rules from "../resolve/submission-rules.cjs";

export interface ForbiddenUse {
  /** Relative to the submission's src/. */
  file: string;
  line: number;
  what: string;
}

/** Names whose every use as a value hands out a module loader, a code evaluator or the test runner. */
const LOADER_HANDLES = new Set(["module", "arguments", "eval", "Function", "jest", "__non_webpack_require__"]);
/** What of `process` a submission may touch: nothing that loads code or reads files. */
const PROCESS_MEMBERS = new Set([
  "env",
  "cwd",
  "nextTick",
  "hrtime",
  "memoryUsage",
  "uptime",
  "platform",
  "version",
  "versions",
  "pid",
  "emitWarning",
  "stdout",
  "stderr",
  "exit",
  "exitCode",
]);
const GLOBAL_NAMES = new Set(["globalThis", "global"]);

function tsFilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return tsFilesUnder(full);
    return /\.(c|m)?[jt]s$/.test(entry) ? [full] : [];
  });
}

/** Whether an identifier is read as a value here (not a property name, a declaration's name, or a type). */
function isValueUse(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === id) return false;
  if ((ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === id) return false;
  if (ts.isQualifiedName(parent) || ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  for (let node: ts.Node = id; node.parent !== undefined; node = node.parent) {
    if (ts.isTypeNode(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return false;
  }
  return true;
}

/** `x.constructor.name`: reading a class's name, which hands out nothing. */
const namesOnly = (access: ts.PropertyAccessExpression): boolean =>
  ts.isPropertyAccessExpression(access.parent) &&
  access.parent.expression === access &&
  access.parent.name.text === "name";

const literalText = (node: ts.Node | undefined): string | undefined =>
  node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** Every forbidden import and handle in a submission's src/ for this exercise. */
export function scanSubmission(exercise: Exercise, srcDir: string): ForbiddenUse[] {
  const kind = exercise.meta.kind;
  const allowed = exercise.meta.allowedImports ?? [];
  const found: ForbiddenUse[] = [];
  for (const file of tsFilesUnder(srcDir)) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const report = (node: ts.Node, what: string): void => {
      found.push({
        file: path.relative(srcDir, file),
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        what,
      });
    };
    const checkSpecifier = (node: ts.Node, specifier: string): void => {
      if (specifier.startsWith(".") || path.isAbsolute(specifier)) {
        const target = path.resolve(path.dirname(file), specifier);
        const rel = path.relative(srcDir, target);
        if (rel.startsWith("..") || path.isAbsolute(rel))
          report(node, `imports "${specifier}", a file outside this exercise's src/`);
      } else if (!rules.mayImport(specifier, kind, allowed)) {
        report(node, `imports "${specifier}"`);
      }
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
        const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
        const specifier = literalText(node.moduleSpecifier);
        if (!typeOnly && specifier !== undefined) checkSpecifier(node, specifier);
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        const specifier = literalText(node.moduleReference.expression);
        if (specifier !== undefined) checkSpecifier(node, specifier);
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isRequire = ts.isIdentifier(callee) && callee.text === "require";
        if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) {
          const specifier = literalText(node.arguments[0]);
          if (specifier === undefined) report(node, `${isRequire ? "require" : "import"}s a computed path`);
          else checkSpecifier(node, specifier);
          node.arguments.forEach(visit);
          return;
        }
      } else if (ts.isIdentifier(node) && isValueUse(node)) {
        const parent = node.parent;
        const member =
          ts.isPropertyAccessExpression(parent) && parent.expression === node ? parent.name.text : undefined;
        if (node.text === "require") report(node, "uses require other than to call it with a fixed name");
        else if (LOADER_HANDLES.has(node.text)) report(node, `uses "${node.text}"`);
        else if (node.text === "process" && (member === undefined || !PROCESS_MEMBERS.has(member)))
          report(node, member === undefined ? `uses "process" other than by a member` : `uses process.${member}`);
        else if (GLOBAL_NAMES.has(node.text) && (member === undefined || member === "process" || member === "require"))
          report(
            node,
            member === undefined ? `uses "${node.text}" other than by a member` : `uses ${node.text}.${member}`,
          );
      } else if (
        (ts.isPropertyAccessExpression(node) && node.name.text === "constructor" && !namesOnly(node)) ||
        (ts.isElementAccessExpression(node) && literalText(node.argumentExpression) === "constructor")
      ) {
        report(node, "reaches a constructor through .constructor (the Function constructor evaluates code)");
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The crash sentence for a submission that uses what it may not: each use, then what is allowed. */
export function describeForbidden(exercise: Exercise, uses: ForbiddenUse[]): string {
  const shown = uses.slice(0, 5).map((u) => `src/${u.file}:${u.line} ${u.what}`);
  const more = uses.length > shown.length ? ` and ${uses.length - shown.length} more` : "";
  return (
    `not graded: ${shown.join("; ")}${more}. While it is graded, ` +
    `${rules.describeAllowed(exercise.meta.kind, exercise.meta.allowedImports ?? [])}; ` +
    "nothing that loads other code or reads files. Remove these uses and grade again."
  );
}
