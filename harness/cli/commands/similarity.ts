/** `kata similarity <folder>`: pairs of submissions alike, per exercise, as text, JSON and HTML. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Exercise } from "../../catalog/catalog";
import { GradebookError } from "../../gradebook/errors";
import { classSimilarity, similarityHtml, similarityText } from "../../similarity/class-similarity";
import { DEFAULT_SIMILARITY } from "../../similarity/compare";

export function similarityCommand(
  folder: string,
  exercises: Exercise[],
  options: { out?: string; threshold?: number },
): number {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY.threshold;
  if (!(threshold > 0 && threshold <= 1))
    throw new GradebookError(
      "OPTIONS",
      `--threshold ${threshold} is not a share: give a number above 0 and at most 1, such as 0.5`,
    );
  const result = classSimilarity(folder, exercises, { ...DEFAULT_SIMILARITY, threshold });
  const out = path.resolve(options.out ?? `${path.resolve(folder)}-similarity`);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "similarity.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(out, "similarity.html"), similarityHtml(result, path.basename(path.resolve(folder))));
  process.stdout.write(similarityText(result));
  process.stdout.write(`reports in ${out}: similarity.html (matching code side by side), similarity.json\n`);
  return 0;
}
