/**
 * A submission as the similarity check sees it: a stream of TypeScript tokens in which every name
 * is the same token and every literal is the same token, with comments, layout and the
 * punctuation a formatter changes at will (semicolons, commas) gone. Renaming
 * variables, changing messages and numbers, re-indenting or adding comments changes nothing here;
 * changing the structure of the code does.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface Token {
  /** The token's class: "N" for any name, "L" for any literal, else the syntax kind. */
  code: string;
  file: string;
  /** From 1. */
  line: number;
}

const LITERALS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
]);

/** Tokens a formatter adds or removes at will (semicolons, trailing commas): left out. */
const LAYOUT = new Set<ts.SyntaxKind>([ts.SyntaxKind.SemicolonToken, ts.SyntaxKind.CommaToken]);

export function tokenize(text: string, file: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const tokens: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (LAYOUT.has(kind)) continue;
    const code =
      kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier
        ? "N"
        : LITERALS.has(kind)
          ? "L"
          : String(kind);
    tokens.push({ code, file, line: source.getLineAndCharacterOfPosition(scanner.getTokenStart()).line + 1 });
  }
  return tokens;
}

/** Every .ts file under `dir` (tests excluded), in a fixed order, as one stream; `skip` leaves files out. */
export function tokenizeFolder(dir: string, skip: (file: string, text: string) => boolean = () => false): Token[] {
  return tsFiles(dir).flatMap((file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    return skip(file, text) ? [] : tokenize(text, file);
  });
}

export function tsFiles(dir: string, prefix = ""): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return tsFiles(dir, relative);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [relative] : [];
    });
}
