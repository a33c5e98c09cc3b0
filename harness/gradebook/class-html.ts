/**
 * The class report: one self-contained HTML file (no network, no external script or font) an
 * instructor opens from disk or attaches to an email. The class table sorts by any column, each
 * exercise has its score distribution, the skills have a profile chart, and each student opens to
 * the failing tests' messages. Everything a student wrote (folder names, test output) is escaped:
 * a failure message is the student's text.
 */
import type { ExerciseScore } from "../score/score";
import type { ClassResults, StudentResult } from "./gradebook";
import { escapeHtml } from "../report/escape-html";

const BUCKETS = 10;

export function classHtml(results: ClassResults, title: string): string {
  const mean = average(results.students.map((s) => s.workbook.score));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}: gradebook</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${results.students.length} students, ${results.exercises.length} exercises, class mean ${mean.toFixed(1)}.
Workbook ${escapeHtml(results.workbookVersion)}, ${results.hidden ? "hidden tests included" : "visible tests only"}, ${results.bench ? "performance measured" : "performance not measured"}. Generated ${escapeHtml(results.generatedAt)}.</p>
${problemsHtml(results)}
<h2>Class</h2>
<p class="hint">Click a column's heading to sort by it (again to reverse); click a student to see their failing tests.</p>
${classTable(results)}
<h2>Skills</h2>
${skillChart(results)}
<h2>Score distribution per exercise</h2>
<div class="distributions">${results.exercises.map((id) => distribution(results, id)).join("\n")}</div>
<h2>Students</h2>
${results.students.map((s) => drillDown(s)).join("\n")}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function problemsHtml(results: ClassResults): string {
  if (results.problems.length === 0) return "";
  return `<h2>Not graded</h2><ul class="crash">${results.problems
    .map((p) => `<li><b>${escapeHtml(p.student)}</b>: ${escapeHtml(p.message)}</li>`)
    .join("")}</ul>`;
}

function classTable(results: ClassResults): string {
  const head = ["student", "total", ...results.exercises.map(shortName)]
    .map(
      (label, column) =>
        `<th data-column="${column}" title="${escapeHtml(column < 2 ? label : (results.exercises[column - 2] as string))}">${escapeHtml(label)}</th>`,
    )
    .join("");
  const rows = results.students.map((s) => {
    const cells = results.exercises.map((id) => {
      const e = s.workbook.exercises.find((x) => x.id === id);
      return e === undefined
        ? `<td data-value="-1">-</td>`
        : `<td data-value="${e.score}" class="${band(e.score)}" title="${escapeHtml(`${e.state}${e.crash ? `: ${e.crash}` : ""}`)}">${e.score.toFixed(1)}</td>`;
    });
    return `<tr><td data-value="${escapeHtml(s.student)}"><a href="#${anchorOf(s.student)}" class="student">${escapeHtml(s.student)}</a></td><td data-value="${s.workbook.score}" class="${band(s.workbook.score)}"><b>${s.workbook.score.toFixed(1)}</b></td>${cells.join("")}</tr>`;
  });
  return `<table id="class-table"><thead><tr>${head}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

/** Horizontal bars: the class mean per skill, with the lowest and highest student marked. */
function skillChart(results: ClassResults): string {
  const skills = [...new Set(results.students.flatMap((s) => s.workbook.skills.map((k) => k.skill)))];
  const rowHeight = 26;
  const width = 640;
  const labelWidth = 220;
  const scale = (width - labelWidth - 60) / 100;
  const rows = skills.map((skill, i) => {
    const scores = results.students.map((s) => s.workbook.skills.find((k) => k.skill === skill)?.score ?? 0);
    const m = average(scores);
    const y = i * rowHeight + 4;
    const lo = Math.min(...scores);
    const hi = Math.max(...scores);
    return `<text x="0" y="${y + 15}">${escapeHtml(skill)}</text>
<rect x="${labelWidth}" y="${y}" width="${(m * scale).toFixed(1)}" height="18" class="bar"><title>${escapeHtml(skill)}: class mean ${m.toFixed(1)}</title></rect>
<line x1="${labelWidth + lo * scale}" x2="${labelWidth + hi * scale}" y1="${y + 9}" y2="${y + 9}" class="range"/>
<text x="${labelWidth + m * scale + 6}" y="${y + 15}">${m.toFixed(1)}</text>`;
  });
  return `<svg id="skill-profile" role="img" aria-label="class mean score per skill" width="${width}" height="${skills.length * rowHeight + 8}" viewBox="0 0 ${width} ${skills.length * rowHeight + 8}">${rows.join("\n")}</svg>
<p class="hint">Bars: the class mean per skill (the mean of the exercises that train it). Lines: from the lowest to the highest student.</p>`;
}

/** A histogram of one exercise's scores in ten bands of ten points. */
function distribution(results: ClassResults, id: string): string {
  const counts = new Array<number>(BUCKETS).fill(0);
  for (const s of results.students) {
    const score = s.workbook.exercises.find((e) => e.id === id)?.score;
    if (score === undefined) continue;
    const bucket = Math.min(BUCKETS - 1, Math.floor(score / 10));
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  const most = Math.max(1, ...counts);
  const bars = counts.map((count, i) => {
    const h = (count / most) * 60;
    return `<rect x="${i * 20 + 1}" y="${70 - h}" width="18" height="${h}" class="bar"><title>${i * 10}-${i * 10 + 10}: ${count} student(s)</title></rect>`;
  });
  return `<figure class="distribution" data-exercise="${escapeHtml(id)}"><svg width="200" height="84" viewBox="0 0 200 84" role="img" aria-label="score distribution of ${escapeHtml(id)}">${bars.join("")}<line x1="0" x2="200" y1="70" y2="70" class="axis"/><text x="0" y="82">0</text><text x="178" y="82">100</text></svg><figcaption>${escapeHtml(id)}</figcaption></figure>`;
}

function drillDown(s: StudentResult): string {
  const exercises = s.workbook.exercises.map((e) => exerciseDetail(e)).join("\n");
  return `<details id="${anchorOf(s.student)}" class="student-detail"><summary><b>${escapeHtml(s.student)}</b>: ${s.workbook.score.toFixed(1)} / 100</summary>
<p>${s.workbook.skills.map((k) => `${escapeHtml(k.skill)} ${k.score.toFixed(1)}`).join(" · ")}</p>
${exercises}
</details>`;
}

function exerciseDetail(e: ExerciseScore): string {
  const failing = e.tests.filter((t) => t.status === "failed");
  const lines: string[] = [
    `<h4>${escapeHtml(e.id)}: ${e.score.toFixed(1)} (${escapeHtml(e.state)}), ${e.correctness.passed}/${e.correctness.total} tests pass${
      e.workloads.length > 0 ? `, performance ${Math.round(e.performance * 100)}%` : ""
    }</h4>`,
  ];
  if (e.crash) lines.push(`<p class="crash">${escapeHtml(e.crash)}</p>`);
  if (e.performanceNote) lines.push(`<p class="note">performance ${escapeHtml(e.performanceNote)}</p>`);
  for (const w of e.workloads)
    lines.push(
      `<p class="note">${escapeHtml(w.name)}: ${w.error ? escapeHtml(w.error) : `${w.ratio.toFixed(2)}x the reference, budget ${w.budget}`}</p>`,
    );
  if (failing.length > 0 && failing.every((t) => t.notImplemented))
    lines.push(`<p class="note">not started (the stub's placeholders are still there)</p>`);
  else if (failing.length > 0)
    lines.push(
      `<ul class="failures">${failing
        .map(
          (t) =>
            `<li><b>${escapeHtml(t.file)}: ${escapeHtml(t.name)}</b><pre>${escapeHtml(t.message ?? "")}</pre></li>`,
        )
        .join("")}</ul>`,
    );
  return `<section class="exercise">${lines.join("\n")}</section>`;
}

function shortName(id: string): string {
  return id.slice(id.indexOf("/") + 1);
}

function band(score: number): string {
  return score >= 90 ? "high" : score >= 60 ? "mid" : "low";
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** An id made of safe characters only, unique per student name. */
function anchorOf(student: string): string {
  return `student-${Buffer.from(student, "utf8").toString("hex")}`;
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: right; }
th { background: #f3f3f3; cursor: pointer; user-select: none; }
th.sorted-asc::after { content: " ▲"; } th.sorted-desc::after { content: " ▼"; }
td:first-child, th:first-child { text-align: left; }
.high { background: #e3f5e1; } .mid { background: #fff6d6; } .low { background: #fbe3e0; }
.meta, .hint { color: #555; }
svg text { font-size: 12px; fill: #333; }
.bar { fill: #4a7fb5; } .range { stroke: #222; stroke-width: 2; } .axis { stroke: #888; }
.distributions { display: flex; flex-wrap: wrap; gap: 12px; }
.distribution { margin: 0; } figcaption { font-size: 12px; color: #444; }
details.student-detail { border: 1px solid #ddd; margin: 6px 0; padding: 4px 10px; }
.crash { color: #a00; } .note { color: #555; margin: 2px 0; }
pre { white-space: pre-wrap; background: #f7f7f7; padding: 4px; margin: 2px 0 8px; }
`;

/** Sorting and opening a student: plain DOM, no library. */
const SCRIPT = `
(function () {
  var table = document.getElementById("class-table");
  var headings = table.tHead.rows[0].cells;
  for (var i = 0; i < headings.length; i++) headings[i].addEventListener("click", sortBy);
  function sortBy(event) {
    var th = event.currentTarget;
    var column = Number(th.getAttribute("data-column"));
    var descending = !th.classList.contains("sorted-desc");
    for (var j = 0; j < headings.length; j++) headings[j].classList.remove("sorted-asc", "sorted-desc");
    th.classList.add(descending ? "sorted-desc" : "sorted-asc");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
      var nx = Number(x), ny = Number(y);
      var order = isNaN(nx) || isNaN(ny) ? (x < y ? -1 : x > y ? 1 : 0) : nx - ny;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function openStudent() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.tagName === "DETAILS") { target.open = true; target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openStudent);
  openStudent();
})();
`;
