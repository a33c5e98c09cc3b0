/**
 * The mistake: the seed's loop over every query token, so a word typed twice counts twice
 * ("python python" doubles python's weight).
 */
import { tokenize } from "../../src/tokenize";

export function queryTerms(query: string, stopWords: ReadonlySet<string>): string[] {
  return tokenize(query, stopWords);
}
