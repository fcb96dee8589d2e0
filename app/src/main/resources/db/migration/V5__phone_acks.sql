-- Acknowledge from the phone (issue 15). Times are epoch milliseconds. Independent of the other migrations' tables.

-- One row per page that carried an Acknowledge button: its unguessable token, good once, for its alert only.
CREATE TABLE phone_acks (
  token      TEXT    PRIMARY KEY,
  alert_id   INTEGER NOT NULL,
  channel    TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX phone_acks_outstanding ON phone_acks (created_at) WHERE used_at IS NULL;

-- How far each reply topic has been read (the last ntfy message id), so a restart or a dropped connection
-- resumes with since= and misses nothing.
CREATE TABLE reply_cursors (
  topic   TEXT PRIMARY KEY,
  last_id TEXT NOT NULL
);
