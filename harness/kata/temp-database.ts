/**
 * A fresh SQLite database file for one test or one bench workload, in a folder of its own under
 * the system's temporary directory, so the journal files SQLite writes beside it (`-wal`, `-shm`,
 * `-journal`) go with it when it is removed.
 *
 * A file, not `:memory:`: the sql exercises are about what a real file gives (durability across
 * close and reopen, two connections racing on one file, WAL mode), and an in-memory database has
 * none of that. Each test takes its own, so no test sees another's rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TempDatabase {
  /** The database file's path: hand it to the code under test, which opens it. */
  readonly path: string;
  /** The folder holding the file and its journals. */
  readonly directory: string;
  /** Deletes the folder and everything in it. Close connections first; calling it twice is harmless. */
  remove(): void;
}

/**
 * Folders not yet removed. A bench's process removes them when it exits. Not under jest: jest
 * loads this module afresh for every test file, and one exit listener per file soon trips Node's
 * listener warning; tests remove their own in afterEach instead.
 */
const live = new Set<string>();
let exitHookInstalled = process.env.JEST_WORKER_ID !== undefined;

function removeFolder(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
  live.delete(directory);
}

/**
 * A path to a database file that does not exist yet, in a new empty folder.
 * @param label a word for the folder's name, to tell whose file it is: "event-store".
 */
export function tempDatabase(label = "kata"): TempDatabase {
  if (!/^[a-z0-9-]{1,40}$/.test(label)) {
    throw new Error(
      `tempDatabase(${JSON.stringify(label)}): the label names a folder, so use 1-40 lower-case letters, digits or dashes`,
    );
  }
  const directory = mkdtempSync(path.join(tmpdir(), `kata-sql-${label}-`));
  live.add(directory);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const folder of [...live]) removeFolder(folder);
    });
  }
  return { path: path.join(directory, "db.sqlite"), directory, remove: () => removeFolder(directory) };
}
