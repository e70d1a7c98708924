/** `PRAGMA application_id` of a journal ("adbj"), so a journal is known by its header alone. */
export const JOURNAL_APPLICATION_ID = 0x6164626a;
/** `PRAGMA user_version`: bumped when the tables change meaning. */
export const JOURNAL_SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE batch (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  pool_id TEXT,
  profile_id TEXT,
  source TEXT,
  created_at TEXT NOT NULL,
  settings TEXT NOT NULL,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  runner_pid INTEGER,
  runner_seen_at INTEGER
) STRICT;
CREATE TABLE rows (
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  line INTEGER,
  inputs TEXT NOT NULL,
  metadata TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'submitting', 'submitted', 'finished', 'failed')),
  execution_id TEXT,
  status TEXT,
  result TEXT,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  sending_since INTEGER,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX rows_by_state ON rows (state, seq);
`;
