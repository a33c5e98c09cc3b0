/**
 * A token is a maximal run of Unicode letters (\p{L}), combining marks (\p{M}) and numbers (\p{N})
 * in the lower-cased text. The `u` flag is what makes \p{...} work; without marks, a word such as
 * "हिन्दी" would fall apart at its vowel signs.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

export const NO_STOP_WORDS: ReadonlySet<string> = new Set();

export function tokenize(text: string, stopWords: ReadonlySet<string> = NO_STOP_WORDS): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).filter((token) => !stopWords.has(token));
}
