/**
 * What `kata interview` reads: the question as an interviewer states it (each README's
 * `## Interview` section: a quoted question, then **Requirements.** and **Scale.** lists), and
 * the reference's answers to the seven self-evaluation areas (solutions/<track>/<slug>/interview.md,
 * one `## <area>` section each), shown only after the clock stops.
 */

/** The areas a system-design interview is judged on, each asked as a question after the clock stops. */
export const SELF_EVALUATION = [
  {
    area: "Requirements",
    question: "Which requirements did you settle before writing code, and which did you assume without asking?",
  },
  {
    area: "Estimates",
    question: "What are the numbers (operations per second, items, bytes per item, memory), and what do they rule out?",
  },
  { area: "API", question: "What is the interface, and what does each call return on bad input?" },
  { area: "Data model", question: "What is stored, in which structure, and why that structure?" },
  { area: "Scaling", question: "What breaks first at ten and at a hundred times the load, and what would you change?" },
  { area: "Trade-offs", question: "What did you give up for what, and when would you choose the other way?" },
  {
    area: "Failure handling",
    question: "What happens when a dependency fails, a node crashes or restarts, or the input is malformed?",
  },
] as const;

export type SelfEvaluationArea = (typeof SELF_EVALUATION)[number]["area"];

export interface InterviewBrief {
  /** The question, in the interviewer's words. */
  question: string;
  /** What the system must do and guarantee: stated first, as in an interview. */
  requirements: string[];
  /** The figures that size it. */
  scale: string[];
}

/** The text of the `## <heading>` section (without its heading), or undefined. */
function section(markdown: string, heading: string): string | undefined {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim().toLowerCase() === `## ${heading.toLowerCase()}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith("## "));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join("\n")
    .trim();
}

/** The items of the list that follows a `**Label.**` line, each item's wrapped lines joined. */
function listAfter(text: string, label: string): string[] {
  const at = text.indexOf(`**${label}.**`);
  if (at < 0) return [];
  const items: string[] = [];
  for (const line of text.slice(at + label.length + 5).split("\n")) {
    if (line.startsWith("**")) break;
    if (/^[-*] /.test(line)) items.push(line.slice(2).trim());
    else if (line.trim() !== "" && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

/** The brief of a README, or undefined when it has no Interview section. */
export function readInterviewBrief(readme: string): InterviewBrief | undefined {
  const text = section(readme, "Interview");
  if (text === undefined) return undefined;
  const question = text
    .split("\n")
    .filter((line) => line.startsWith(">"))
    .map((line) => line.replace(/^>\s?/, "").trim())
    .join(" ")
    .trim();
  return { question, requirements: listAfter(text, "Requirements"), scale: listAfter(text, "Scale") };
}

/** What an Interview section lacks, in words an author can act on; empty when it is complete. */
export function interviewBriefProblems(readme: string): string[] {
  const brief = readInterviewBrief(readme);
  if (brief === undefined) return ["no ## Interview section"];
  return [
    ...(brief.question === "" ? ["no question (a > quoted paragraph, in the interviewer's words)"] : []),
    ...(brief.requirements.length === 0 ? ["no **Requirements.** list"] : []),
    ...(brief.scale.length === 0 ? ["no **Scale.** list (figures that size the system)"] : []),
  ];
}

/** The reference's answer per area, from interview.md; an area without a section is absent. */
export function readReferenceAnswers(markdown: string): Map<SelfEvaluationArea, string> {
  const answers = new Map<SelfEvaluationArea, string>();
  for (const { area } of SELF_EVALUATION) {
    const text = section(markdown, area);
    if (text) answers.set(area, text);
  }
  return answers;
}

/** The areas interview.md does not answer. */
export function missingAnswers(markdown: string): SelfEvaluationArea[] {
  const answers = readReferenceAnswers(markdown);
  return SELF_EVALUATION.map((s) => s.area).filter((area) => !answers.has(area));
}
