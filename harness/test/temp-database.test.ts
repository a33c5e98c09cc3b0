/**
 * The sql kind's temporary database: a file of its own per test, in a folder of its own, so the
 * journals SQLite writes beside it go when the folder is removed, and no test sees another's rows.
 */
import Database from "better-sqlite3";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { tempDatabase } from "../kata/temp-database";

test("each call gives a new file in a new folder, and remove() takes the file and its journals", () => {
  const first = tempDatabase("demo");
  const second = tempDatabase("demo");
  expect(first.directory).not.toBe(second.directory);
  expect(path.dirname(first.path)).toBe(first.directory);
  expect(existsSync(first.path)).toBe(false);

  const db = new Database(first.path);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");
  expect(readdirSync(first.directory).sort()).toEqual(["db.sqlite", "db.sqlite-shm", "db.sqlite-wal"]);
  db.close();

  first.remove();
  first.remove(); // twice is harmless: afterEach may run after a test removed its own
  expect(existsSync(first.directory)).toBe(false);
  second.remove();
  expect(existsSync(second.directory)).toBe(false);
});

test("a label that cannot name a folder is refused with what to use instead", () => {
  expect(() => tempDatabase("../escape")).toThrow(/1-40 lower-case letters, digits or dashes/);
  expect(() => tempDatabase("")).toThrow(/tempDatabase\(""\)/);
});
