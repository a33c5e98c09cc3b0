/**
 * Builds a student's submission from a fixture: the fixture folder (harness/test/fixtures/<name>)
 * holds only what the student changed, laid out like exercises/; the rest of each exercise it
 * names is the reference, copied in. A changed module that builds on the reference imports it as
 * `./reference-<module>`, a copy put beside it, because a graded submission may import nothing
 * outside its own src/ (harness/resolve/submission-rules.cjs).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import targets from "../resolve/targets.cjs";

const built: string[] = [];

export function fixtureSubmission(name: string): string {
  const fixture = path.join(__dirname, "fixtures", name);
  const root = mkdtempSync(path.join(tmpdir(), `kata-fixture-${name}-`));
  built.push(root);
  for (const track of readdirSync(fixture))
    for (const slug of readdirSync(path.join(fixture, track))) {
      const reference = path.join(targets.SOLUTIONS_DIR, track, slug, "src");
      const overlay = path.join(fixture, track, slug, "src");
      const src = path.join(root, track, slug, "src");
      cpSync(reference, src, { recursive: true });
      for (const file of readdirSync(overlay).filter((f) => f.endsWith(".ts"))) {
        if (existsSync(path.join(reference, file)))
          cpSync(path.join(reference, file), path.join(src, `reference-${file}`));
        cpSync(path.join(overlay, file), path.join(src, file));
      }
    }
  return root;
}

/** Removes every submission built so far (call it in afterAll). */
export function removeFixtureSubmissions(): void {
  for (const root of built.splice(0)) rmSync(root, { recursive: true, force: true });
}
