import { notImplemented } from "#kata";

/**
 * Splits text into the terms the index stores and queries look up. Documents and queries go
 * through this same function, so a query matches exactly the words a document was indexed under.
 *
 * 1. Lower-case the whole text with `toLowerCase()`.
 * 2. A token is a maximal run of Unicode letters (\p{L}), combining marks (\p{M}) and numbers
 *    (\p{N}); everything else (spaces, punctuation, symbols, "_") separates tokens.
 * 3. Drop the tokens that are in `stopWords`.
 *
 * JavaScript trap: `\w` and `\b` in a regular expression are ASCII only ("café" gives "caf"), and
 * `\p{L}` needs the `u` flag.
 *
 * @example
 * tokenize("Hello, World! It's 2024.")          // ["hello", "world", "it", "s", "2024"]
 * tokenize("Café Zürich, 東京")                  // ["café", "zürich", "東京"]
 * tokenize("The cat and the hat", new Set(["the", "and"]))   // ["cat", "hat"]
 */
export function tokenize(text: string, stopWords: ReadonlySet<string> = new Set()): string[] {
  return notImplemented(`tokenize(${JSON.stringify(text)}, ${stopWords.size} stop words)`);
}
