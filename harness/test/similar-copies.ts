/**
 * What a student who copies does to hide it, for the similarity check's tests: rename the names
 * (every name that is not part of the exercise's API or JavaScript's own), change the messages,
 * strip the comments and lay the code out again in another style.
 */
import ts from "typescript";

const KEEP = new Set([
  ...["Map", "Set", "Array", "Number", "String", "Math", "Error", "undefined", "Symbol", "Object", "JSON"],
  ...["K", "V", "T", "number", "string", "boolean", "void", "readonly", "private", "this"],
]);

/** Every name not in `api` (nor a JavaScript global) renamed; every string literal reworded. */
export function renameCopy(text: string, api: readonly string[]): string {
  const keep = new Set([...KEEP, ...api]);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let out = "";
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const token = scanner.getTokenText();
    if (kind === ts.SyntaxKind.Identifier && !keep.has(token)) out += `my${token[0]?.toUpperCase()}${token.slice(1)}2`;
    else if (kind === ts.SyntaxKind.StringLiteral && !token.startsWith('"./') && !token.startsWith('"#'))
      out += JSON.stringify(`${token.slice(1, -1)} (sic)`);
    else out += token;
  }
  return out;
}

/**
 * Comments gone and the code laid out again by TypeScript's own printer, then restyled as another
 * team would: tabs, no semicolons, single quotes. (A prettier run would do as well, but prettier 3
 * loads its parsers with a dynamic import, which jest's CommonJS runtime refuses.)
 */
export function reformatCopy(text: string): string {
  const source = ts.createSourceFile("copy.ts", text, ts.ScriptTarget.Latest, true);
  return ts
    .createPrinter({ removeComments: true })
    .printFile(source)
    .split("\n")
    .map((line) => {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      return "\t".repeat(indent / 4) + line.slice(indent).replace(/;$/, "").replace(/"/g, "'");
    })
    .join("\n");
}
