/**
 * Splits text into the words a document is indexed under and a query looks up (given code).
 * Documents and queries go through this same function, so a query word matches exactly the words
 * a document was indexed under.
 *
 * Lower-case the text with `toLowerCase()`; a word is a maximal run of Unicode letters (\p{L}),
 * combining marks (\p{M}) and numbers (\p{N}); everything else separates words.
 *
 * @example
 * tokenize("Ergonomic Wooden Chair, 2-pack")   // ["ergonomic", "wooden", "chair", "2", "pack"]
 * tokenize("Café Zürich")                       // ["café", "zürich"]
 * tokenize("!!!")                                // []
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}
