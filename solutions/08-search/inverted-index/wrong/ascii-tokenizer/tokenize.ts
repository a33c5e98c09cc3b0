/**
 * The mistake: the seed's `\b\w+\b`, ported from Python to JavaScript. Python 3's \w knows Unicode;
 * JavaScript's is [A-Za-z0-9_], so "café" becomes "caf", "東京" disappears and "snake_case" stays
 * one token.
 */
export { NO_STOP_WORDS } from "../../src/tokenize";

export function tokenize(text: string, stopWords: ReadonlySet<string> = new Set()): string[] {
  return (text.toLowerCase().match(/\b\w+\b/g) ?? []).filter((token) => !stopWords.has(token));
}
