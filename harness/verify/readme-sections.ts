/**
 * The sections every exercise README has, in this order, so a learner who has read one knows
 * where to look in the next. Matched on `## ` headings, case-insensitively, by prefix.
 */
export const README_SECTIONS = [
  "The real system", // what it is in production and why it matters
  "Your task", // what to build, in a paragraph
  "The API", // the types and methods of the stub
  "Rules", // what correct means, precisely
  "Bad input", // each invalid argument and the error it gets
  "Example",
  "Budget", // what is measured, against what, and what misses it
  "Follow-up questions", // the interviewer's next questions
  "Interview", // the question as an interviewer states it, requirements and scale, for kata interview
] as const;

/** The required sections a README lacks. */
export function checkReadme(markdown: string): string[] {
  const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => (m[1] ?? "").trim().toLowerCase());
  return README_SECTIONS.filter((section) => !headings.some((h) => h.startsWith(section.toLowerCase())));
}
