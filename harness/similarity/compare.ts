/**
 * Which submissions of one exercise are suspiciously alike. Each submission (and the reference, so
 * a copy of it is caught) becomes a set of winnowed fingerprints; what the stub already contains
 * (the given types, signatures and modules every student starts from) is removed first, as MOSS
 * removes a base file. A pair is reported when a large share of either side's own code is shared.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { tokenizeFolder, tsFiles, type Token } from "./tokens";
import { fingerprints, K } from "./winnow";

export interface Entrant {
  name: string;
  srcDir: string;
}

export interface Region {
  a: { file: string; from: number; to: number };
  b: { file: string; from: number; to: number };
}

export interface SimilarPair {
  a: string;
  b: string;
  /** Fingerprints in common. */
  shared: number;
  /** Shares of a's and of b's own fingerprints that the other has too, 0-1. */
  aShare: number;
  bShare: number;
  /** Matching stretches, longest first: lines of a beside lines of b. */
  regions: Region[];
}

export interface SimilarityOptions {
  /** Report a pair when either side shares at least this much of its own code (0-1). */
  threshold: number;
  /** ... and at least this many fingerprints (a few shared idioms are not a copy). */
  minShared: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = { threshold: 0.5, minShared: 12 };

interface Printed {
  name: string;
  srcDir: string;
  tokens: Token[];
  /** Fingerprint hash to the token positions it was taken at. */
  prints: Map<number, number[]>;
}

export function comparePairs(
  stubDir: string,
  entrants: readonly Entrant[],
  options: SimilarityOptions = DEFAULT_SIMILARITY,
): SimilarPair[] {
  const stubFiles = new Map(tsFiles(stubDir).map((f) => [f, readFileSync(path.join(stubDir, f), "utf8")]));
  const base = new Set(fingerprints(tokenizeFolder(stubDir).map((t) => t.code)).map((f) => f.hash));
  const printed: Printed[] = entrants
    .map((entrant) => {
      // A given module handed in unchanged is the workbook's code, not the student's.
      const tokens = tokenizeFolder(entrant.srcDir, (file, text) => stubFiles.get(file) === text);
      const prints = new Map<number, number[]>();
      for (const f of fingerprints(tokens.map((t) => t.code))) {
        if (base.has(f.hash)) continue;
        const at = prints.get(f.hash);
        if (at) at.push(f.at);
        else prints.set(f.hash, [f.at]);
      }
      return { ...entrant, tokens, prints };
    })
    .filter((p) => p.prints.size > 0); // the untouched stub: nothing of the student's own to compare

  const pairs: SimilarPair[] = [];
  for (let i = 0; i < printed.length; i++)
    for (let j = i + 1; j < printed.length; j++) {
      const a = printed[i] as Printed;
      const b = printed[j] as Printed;
      const shared = [...a.prints.keys()].filter((h) => b.prints.has(h));
      const aShare = shared.length / a.prints.size;
      const bShare = shared.length / b.prints.size;
      if (shared.length >= options.minShared && Math.max(aShare, bShare) >= options.threshold)
        pairs.push({ a: a.name, b: b.name, shared: shared.length, aShare, bShare, regions: regionsOf(a, b, shared) });
    }
  return pairs.sort((x, y) => Math.max(y.aShare, y.bShare) - Math.max(x.aShare, x.bShare));
}

/**
 * Shared fingerprints laid out as stretches: sorted by position in a, consecutive matches whose
 * positions in both advance together by less than two k-grams make one stretch.
 */
function regionsOf(a: Printed, b: Printed, shared: number[]): Region[] {
  const matches = shared
    .map((h) => [(a.prints.get(h) as number[])[0] as number, (b.prints.get(h) as number[])[0] as number] as const)
    .sort((x, y) => x[0] - y[0]);
  const runs: (readonly [number, number])[][] = [];
  for (const m of matches) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    const sameFiles =
      prev !== undefined &&
      a.tokens[m[0]]?.file === a.tokens[prev[0]]?.file &&
      b.tokens[m[1]]?.file === b.tokens[prev[1]]?.file;
    if (run && prev && sameFiles && m[0] - prev[0] <= 2 * K && m[1] - prev[1] >= 0 && m[1] - prev[1] <= 2 * K)
      run.push(m);
    else runs.push([m]);
  }
  // A k-gram may run past the end of its file: the stretch ends at the file's last token.
  const span = (p: Printed, from: number, to: number) => {
    const first = p.tokens[from] as Token;
    let last = first;
    for (let i = from; i <= Math.min(to, p.tokens.length - 1) && p.tokens[i]?.file === first.file; i++)
      last = p.tokens[i] as Token;
    return { file: first.file, from: first.line, to: last.line, tokens: to - from };
  };
  return runs
    .map((run) => {
      const [a0, b0] = run[0] as readonly [number, number];
      const [a1, b1] = run.at(-1) as readonly [number, number];
      return { a: span(a, a0, a1 + K - 1), b: span(b, b0, b1 + K - 1) };
    })
    .sort((x, y) => y.a.tokens - x.a.tokens)
    .map(({ a: sa, b: sb }) => ({
      a: { file: sa.file, from: sa.from, to: sa.to },
      b: { file: sb.file, from: sb.from, to: sb.to },
    }));
}
