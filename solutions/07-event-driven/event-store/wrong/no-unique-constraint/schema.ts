/** Wrong: no UNIQUE (stream, version), only an index for reads; the version check alone guards. */
export const EVENTS_TABLE = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    stream   TEXT NOT NULL,
    version  INTEGER NOT NULL,
    type     TEXT NOT NULL,
    data     TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_by_stream ON events (stream, version)`;
