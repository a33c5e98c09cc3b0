import Table from "cli-table3";
import { tableStyle } from "../../report/table-style";
import type { Exercise } from "../../catalog/catalog";

export function listCommand(catalog: Exercise[]): void {
  const table = new Table({
    head: ["#", "exercise", "title", "kind", "level", "minutes", "after", "skills"],
    style: tableStyle(),
  });
  for (const e of catalog) {
    table.push([
      e.position,
      e.id,
      e.meta.title,
      e.meta.kind,
      "*".repeat(e.meta.difficulty),
      e.meta.estimatedMinutes,
      e.meta.prerequisites.join(", ") || "-",
      e.meta.skills.join(", "),
    ]);
  }
  process.stdout.write(
    `${table.toString()}\n${catalog.length} exercises built; # is the place in the course (docs/tracks.md has the rest).\n` +
      "Start one: read its README.md, then `npm test -- <slug>`.\n",
  );
}
