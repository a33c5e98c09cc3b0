/**
 * A picture of the end of a simulated run, for a failing test: one self-contained HTML file with
 * an SVG message-sequence diagram. A lane per node, time flowing down (one row per event, the
 * virtual time written beside it), an arrow from a message's send to its delivery, a cross where a
 * message was lost, marks for crashes, restarts and timers, a band across every lane for a
 * partition or a heal, and the broken invariant in red at the bottom. People read such a diagram
 * at a glance where the same events as text take a while.
 */
import type { TimelineEntry } from "./timeline";

const LANE_GAP = 150;
const ROW = 22;
const TOP = 60;
const LEFT = 110;

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const short = (text: string, length = 60): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export interface PictureOptions {
  title: string;
  /** Every node of the run, in lane order (nodes that appear only in the entries are added). */
  nodes: string[];
  /** The events to draw, oldest first (the end of the run). */
  entries: TimelineEntry[];
}

/** The SVG alone (the HTML page wraps it); exported for tests that count what it draws. */
export function sequenceSvg({ nodes, entries }: PictureOptions): string {
  const lanes = [...nodes];
  for (const e of entries)
    for (const id of [e.node, e.link?.from, e.link?.to]) if (id && !lanes.includes(id)) lanes.push(id);
  const x = (node: string | undefined): number => LEFT + Math.max(0, lanes.indexOf(node ?? "")) * LANE_GAP;
  const y = (row: number): number => TOP + row * ROW;
  const width = LEFT + Math.max(1, lanes.length) * LANE_GAP + 220;
  const height = y(entries.length) + 30;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="11">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#335"/></marker></defs>`,
  );
  for (const node of lanes) {
    out.push(
      `<text class="lane-name" x="${x(node)}" y="${TOP - 25}" text-anchor="middle" font-weight="bold" font-size="13">${escape(node)}</text>`,
      `<line class="lane" x1="${x(node)}" y1="${TOP - 15}" x2="${x(node)}" y2="${height - 10}" stroke="#999" stroke-dasharray="2,3"/>`,
    );
  }
  // Where each message was sent from, to draw its arrow when it arrives or is lost.
  const sentAt = new Map<number, number>();
  entries.forEach((e, row) => {
    const at = y(row);
    out.push(`<text class="time" x="8" y="${at + 4}" fill="#666">${e.at.toFixed(1)} ms</text>`);
    switch (e.kind) {
      case "send":
        if (e.link) sentAt.set(e.link.id, at);
        out.push(`<circle class="send" cx="${x(e.node)}" cy="${at}" r="3" fill="#335"/>`);
        break;
      case "deliver":
      case "drop": {
        const link = e.link;
        if (!link) break;
        const from = sentAt.get(link.id) ?? at - ROW / 2;
        const lostAtSender = e.kind === "drop" && e.node === link.from;
        const endX = lostAtSender ? (x(link.from) + x(link.to)) / 2 : x(link.to);
        const colour = e.kind === "drop" ? "#c33" : "#335";
        out.push(
          `<line class="${e.kind === "drop" ? "lost" : "message"}" x1="${x(link.from)}" y1="${from}" x2="${endX}" y2="${at}" stroke="${colour}" ${e.kind === "drop" ? 'stroke-dasharray="5,3"' : 'marker-end="url(#arrow)"'}/>`,
          `<text x="${(x(link.from) + endX) / 2}" y="${(from + at) / 2 - 3}" text-anchor="middle" fill="${colour}">${escape(short(link.type, 24))}</text>`,
        );
        if (e.kind === "drop")
          out.push(
            `<path class="cross" d="M${endX - 5},${at - 5} L${endX + 5},${at + 5} M${endX - 5},${at + 5} L${endX + 5},${at - 5}" stroke="#c33" stroke-width="2"/>`,
          );
        break;
      }
      case "crash":
        out.push(
          `<rect class="crash" x="${x(e.node) - 7}" y="${at - 7}" width="14" height="14" fill="#c33"/>`,
          `<text x="${x(e.node) + 12}" y="${at + 4}" fill="#c33">crashed</text>`,
        );
        break;
      case "restart":
        out.push(
          `<circle class="restart" cx="${x(e.node)}" cy="${at}" r="7" fill="none" stroke="#393" stroke-width="2"/>`,
          `<text x="${x(e.node) + 12}" y="${at + 4}" fill="#393">restarted</text>`,
        );
        break;
      case "pause":
      case "resume":
        out.push(
          `<text class="${e.kind}" x="${x(e.node) + 12}" y="${at + 4}" fill="#669">${e.kind === "pause" ? "⏸ paused" : "▶ resumed"}</text>`,
        );
        break;
      case "timer":
        out.push(
          `<text class="timer" x="${x(e.node) + 6}" y="${at + 4}" fill="#a60">⏱ ${escape(short(e.text, 30))}</text>`,
        );
        break;
      case "partition":
      case "heal":
        out.push(
          `<rect class="${e.kind}" x="${LEFT - 40}" y="${at - 8}" width="${(lanes.length - 1) * LANE_GAP + 80}" height="16" fill="${e.kind === "heal" ? "#dfd" : "#fdd"}" opacity="0.8"/>`,
          `<text x="${LEFT - 36}" y="${at + 4}">${e.kind}: ${escape(short(e.text, 70))}</text>`,
        );
        break;
      case "violation":
        out.push(
          `<rect class="violation" x="0" y="${at - 10}" width="${width}" height="20" fill="#c33"/>`,
          `<text x="8" y="${at + 4}" fill="#fff" font-weight="bold">broken: ${escape(short(e.text, 140))}</text>`,
        );
        break;
      case "note":
      case "duplicate":
        out.push(
          `<text class="note" x="${x(e.node) + 8}" y="${at + 4}" fill="#555">${escape(short(e.text, 40))}</text>`,
        );
        break;
    }
  });
  out.push("</svg>");
  return out.join("\n");
}

/** The page: the failure's first line, the picture, and how to read it. */
export function failurePage(options: PictureOptions & { failure: string; replay: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(options.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:20px;color:#222}pre{background:#f4f4f4;padding:8px;white-space:pre-wrap}</style>
</head><body>
<h1>${escape(options.title)}</h1>
<pre>${escape(options.failure)}</pre>
<p>Replay this run: <code>${escape(options.replay)}</code></p>
<p>One lane per node, time down the page (${options.entries.length} last events). An arrow is a message from its send to its
delivery; a dashed red line ending in a cross is a message lost; a red square is a crash, a green ring a restart; a
band across the lanes is a partition (red) or a heal (green); the red bar is the broken rule.</p>
${sequenceSvg(options)}
</body></html>
`;
}
