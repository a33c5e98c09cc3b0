import Table from "cli-table3";
import { tableStyle } from "../../report/table-style";
import type { Exercise } from "../../catalog/catalog";

export function listCommand(catalog: Exercise[]): void {
  const table = new Table({ head: ["exercise", "title", "kind", "level", "minutes", "skills"], style: tableStyle() });
  for (const e of catalog) {
    table.push([
      e.id,
      e.meta.title,
      e.meta.kind,
      "*".repeat(e.meta.difficulty),
      e.meta.estimatedMinutes,
      e.meta.skills.join(", "),
    ]);
  }
  process.stdout.write(
    `${table.toString()}\n${catalog.length} exercises. Start one: read its README.md, then \`npm test -- <slug>\`.\n`,
  );
}
