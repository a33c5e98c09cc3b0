/**
 * Who is in a class folder: every subfolder is one student's submission. A submission is either a
 * clone of the student copy (its exercises/ folder is graded) or a folder laid out like exercises/
 * itself (<track>/<slug>/src). Folders starting with "." or "_" are not students (.git, _reports).
 */
import { GradebookError } from "./errors";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export interface Submission {
  /** The subfolder's name: how reports name the student. */
  student: string;
  /** The folder laid out like exercises/, the grading target. */
  exercisesDir: string;
}

export interface Roster {
  submissions: Submission[];
  /** Subfolders that could not be read as a submission, each with the reason. */
  problems: { student: string; message: string }[];
}

const TRACK_FOLDER = /^\d\d-[a-z0-9-]+$/;

export function readRoster(classFolder: string): Roster {
  if (!existsSync(classFolder) || !statSync(classFolder).isDirectory())
    throw new GradebookError(
      "ROSTER",
      `${classFolder} is not a folder: give the folder that holds one subfolder per student (each a clone of the student copy, or laid out like exercises/)`,
    );
  const roster: Roster = { submissions: [], problems: [] };
  const students = readdirSync(classFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith(".") && !entry.name.startsWith("_"))
    .map((entry) => entry.name)
    .sort();
  for (const student of students) {
    const found = exercisesFolderOf(path.join(classFolder, student));
    if (found === undefined)
      roster.problems.push({
        student,
        message: `no exercises/ folder and no <track>/<slug>/src folders inside ${path.join(classFolder, student)}`,
      });
    else roster.submissions.push({ student, exercisesDir: found });
  }
  if (roster.submissions.length === 0 && roster.problems.length === 0)
    throw new GradebookError("ROSTER", `${classFolder} has no subfolders: put one folder per student in it`);
  return roster;
}

/** The submission's exercises/ folder, or the folder itself when its children are track folders. */
function exercisesFolderOf(folder: string): string | undefined {
  const nested = path.join(folder, "exercises");
  if (existsSync(nested) && statSync(nested).isDirectory()) return nested;
  const tracks = readdirSync(folder).filter((name) => TRACK_FOLDER.test(name));
  return tracks.length > 0 ? folder : undefined;
}
