-- Noise control: every notification decision, silences, manual quiet mode and pending wake ladders.
-- Times are epoch milliseconds (UTC). Independent of V1's tables.

CREATE TABLE notifications (
  id       INTEGER PRIMARY KEY,
  time     INTEGER NOT NULL,
  alert_id INTEGER,
  channel  TEXT    NOT NULL,
  level    TEXT    NOT NULL,
  outcome  TEXT    NOT NULL CHECK (outcome IN ('sent', 'suppressed', 'failed')),
  reason   TEXT    NOT NULL
);
CREATE INDEX notifications_by_time ON notifications (time);

CREATE TABLE silences (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  matchers   TEXT    NOT NULL,
  starts     INTEGER NOT NULL,
  ends       INTEGER NOT NULL,
  comment    TEXT    NOT NULL DEFAULT '',
  created_by TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX silences_by_end ON silences (ends);

-- At most one row: manual quiet mode; until NULL means until turned off.
CREATE TABLE quiet (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  until  INTEGER,
  reason TEXT NOT NULL
);

-- One row per alert on the wake ladder, so a pending escalation survives kill -9.
CREATE TABLE escalations (
  alert_id   INTEGER PRIMARY KEY,
  step       INTEGER NOT NULL,
  next_at    INTEGER,
  receipt    TEXT,
  started_at INTEGER NOT NULL,
  acked_at   INTEGER
);
