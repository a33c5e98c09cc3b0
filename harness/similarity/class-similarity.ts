/**
 * `kata similarity <folder>`: for each exercise, the pairs of a class's submissions (and the
 * reference) whose code is suspiciously alike, with the matching stretches side by side. It is
 * evidence for a conversation, not a verdict: two students may share a tutor, and a short exercise
 * leaves little room to differ.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Exercise } from "../catalog/catalog";
import { readRoster } from "../gradebook/roster";
import { comparePairs, DEFAULT_SIMILARITY, type SimilarityOptions, type SimilarPair } from "./compare";
import { escapeHtml } from "../report/escape-html";

export const REFERENCE_NAME = "(reference)";

export interface ExerciseSimilarity {
  exercise: string;
  /** Submissions compared (those with their own code for this exercise), the reference included. */
  compared: number;
  pairs: SimilarPair[];
}

export interface ClassSimilarity {
  options: SimilarityOptions;
  exercises: ExerciseSimilarity[];
  /** Where each entrant's code is, by exercise id and name: for showing the regions. */
  sources: Record<string, Record<string, string>>;
}

export function classSimilarity(
  classFolder: string,
  exercises: readonly Exercise[],
  options: SimilarityOptions = DEFAULT_SIMILARITY,
): ClassSimilarity {
  const { submissions } = readRoster(classFolder);
  const result: ClassSimilarity = { options, exercises: [], sources: {} };
  for (const exercise of exercises) {
    const entrants = [
      { name: REFERENCE_NAME, srcDir: exercise.referenceDir },
      ...submissions
        .map((s) => ({
          name: s.student,
          srcDir: path.join(s.exercisesDir, exercise.meta.track, exercise.meta.slug, "src"),
        }))
        .filter((e) => existsSync(e.srcDir)),
    ];
    result.sources[exercise.id] = Object.fromEntries(entrants.map((e) => [e.name, e.srcDir]));
    result.exercises.push({
      exercise: exercise.id,
      compared: entrants.length,
      pairs: comparePairs(exercise.srcDir, entrants, options),
    });
  }
  return result;
}

export function similarityText(result: ClassSimilarity): string {
  const lines: string[] = [];
  for (const e of result.exercises) {
    lines.push(
      `${e.exercise}: ${e.pairs.length === 0 ? "no pair alike" : `${e.pairs.length} pair(s) alike`} among ${e.compared}`,
    );
    for (const p of e.pairs) {
      const top = p.regions[0];
      lines.push(
        `  ${p.a} <-> ${p.b}: ${percent(p.aShare)} of ${p.a}'s own code, ${percent(p.bShare)} of ${p.b}'s` +
          (top
            ? `; longest stretch ${top.a.file}:${top.a.from}-${top.a.to} ~ ${top.b.file}:${top.b.from}-${top.b.to}`
            : ""),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** One self-contained page: each flagged pair with its longest matching stretches side by side. */
export function similarityHtml(result: ClassSimilarity, title: string): string {
  const sections = result.exercises.map((e) => {
    const pairs = e.pairs.map((p) => {
      const regions = p.regions.slice(0, 3).map((r) => {
        const side = (name: string, at: { file: string; from: number; to: number }) =>
          `<div><p class="where">${escapeHtml(name)}: ${escapeHtml(at.file)} lines ${at.from}-${at.to}</p><pre>${escapeHtml(
            linesOf(result.sources[e.exercise]?.[name], at),
          )}</pre></div>`;
        return `<div class="region">${side(p.a, r.a)}${side(p.b, r.b)}</div>`;
      });
      return `<section class="pair"><h3>${escapeHtml(p.a)} &harr; ${escapeHtml(p.b)}</h3><p>${percent(p.aShare)} of ${escapeHtml(p.a)}'s own code and ${percent(p.bShare)} of ${escapeHtml(p.b)}'s (${p.shared} fingerprints in common)</p>${regions.join("")}</section>`;
    });
    return `<h2>${escapeHtml(e.exercise)}</h2><p>${e.compared} compared; ${e.pairs.length} pair(s) alike.</p>${pairs.join("")}`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}: similarity</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}.region{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-bottom:12px}pre{background:#f6f6f6;padding:6px;overflow-x:auto;font-size:12px}.where{color:#555;margin:0}.pair{border-top:1px solid #ddd}</style>
</head><body><h1>${escapeHtml(title)}: similar submissions</h1>
<p>Pairs are listed when at least ${percent(result.options.threshold)} of either side's own code (after removing what the stub gives everyone) is found in the other, in stretches of about two lines or more, ignoring names, literals, comments and layout. A pair is a reason to talk, not a verdict.</p>
${sections.join("\n")}</body></html>
`;
}

function linesOf(srcDir: string | undefined, at: { file: string; from: number; to: number }): string {
  if (srcDir === undefined) return "";
  try {
    const lines = readFileSync(path.join(srcDir, at.file), "utf8").split("\n");
    return lines
      .slice(at.from - 1, at.to)
      .map((line, i) => `${String(at.from + i).padStart(4)}  ${line}`)
      .join("\n");
  } catch {
    return "(file not readable)";
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
