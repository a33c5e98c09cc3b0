/**
 * The one table. `position` is the rowid: SQLite hands out max + 1 under its single writer lock,
 * so positions are gapless and in commit order (a refused insert rolls back and takes none).
 * UNIQUE (stream, version) makes the database refuse a second event at one version whoever
 * writes it, and its index serves every stream read and version check.
 */
export const EVENTS_TABLE = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    stream   TEXT NOT NULL,
    version  INTEGER NOT NULL,
    type     TEXT NOT NULL,
    data     TEXT NOT NULL,
    UNIQUE (stream, version)
  )`;
