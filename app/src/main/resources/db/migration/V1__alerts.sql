-- Times are epoch milliseconds, except check_minutes.minute: epoch minutes (4 bytes a row instead of 6).

CREATE TABLE alerts (
  id            INTEGER PRIMARY KEY,
  fingerprint   TEXT    NOT NULL,
  monitor       TEXT    NOT NULL,
  severity      TEXT    NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
  state         TEXT    NOT NULL CHECK (state IN ('firing', 'acknowledged', 'resolved')),
  first_seen    INTEGER NOT NULL,
  last_seen     INTEGER NOT NULL,
  resolved_at   INTEGER,
  count         INTEGER NOT NULL DEFAULT 1,
  summary       TEXT    NOT NULL DEFAULT '',
  labels        TEXT    NOT NULL DEFAULT '{}',
  snoozed_until INTEGER
);

-- One open alert per fingerprint, enforced here for every process that writes this file.
CREATE UNIQUE INDEX alerts_open_fingerprint ON alerts (fingerprint) WHERE state != 'resolved';
CREATE INDEX alerts_first_seen ON alerts (first_seen DESC, id DESC);
CREATE INDEX alerts_monitor_first_seen ON alerts (monitor, first_seen DESC, id DESC);
-- The open alerts, newest first, without walking the resolved ones.
CREATE INDEX alerts_open ON alerts (first_seen DESC, id DESC) WHERE state != 'resolved';

CREATE TABLE alert_events (
  id       INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  time     INTEGER NOT NULL,
  kind     TEXT    NOT NULL,
  note     TEXT,
  actor    TEXT
);
CREATE INDEX alert_events_alert_time ON alert_events (alert_id, time);

CREATE TABLE state_changes (
  monitor TEXT    NOT NULL,
  time    INTEGER NOT NULL,
  up      INTEGER NOT NULL,
  summary TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX state_changes_monitor_time ON state_changes (monitor, time);

-- Monitor names stored once, so that a check_minutes row costs about 23 bytes instead of 40.
CREATE TABLE monitors (
  id   INTEGER PRIMARY KEY,
  name TEXT    NOT NULL UNIQUE
);

CREATE TABLE check_minutes (
  monitor_id     INTEGER NOT NULL REFERENCES monitors (id),
  minute         INTEGER NOT NULL,
  checks         INTEGER NOT NULL,
  failures       INTEGER NOT NULL,
  latency_sum_ms INTEGER NOT NULL,
  latency_max_ms INTEGER NOT NULL,
  PRIMARY KEY (monitor_id, minute)
) WITHOUT ROWID;
