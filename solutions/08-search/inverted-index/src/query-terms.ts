import { tokenize } from "./tokenize";

/** A query's terms: its tokens, stop words dropped, each distinct term once, in first-seen order. */
export function queryTerms(query: string, stopWords: ReadonlySet<string>): string[] {
  return [...new Set(tokenize(query, stopWords))];
}
