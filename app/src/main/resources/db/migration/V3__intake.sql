-- Intake: heartbeats and the Alertmanager silences Vigil made. Times are epoch milliseconds.
-- Depends on no other migration's tables (alert ids are kept as plain integers).

-- One row per heartbeat id ever watched. watching_since starts the clock when no ping ever came;
-- down is 1 while its alert is firing, so a restart neither fires twice nor forgets to resolve.
CREATE TABLE heartbeats (
  id             TEXT    PRIMARY KEY,
  last_ping      INTEGER,
  watching_since INTEGER NOT NULL,
  down           INTEGER NOT NULL DEFAULT 0 CHECK (down IN (0, 1))
);

-- The silence Vigil created in an Alertmanager for an acknowledged alert, to expire it on resolve or un-ack.
CREATE TABLE am_silences (
  alert_id   INTEGER NOT NULL,
  source     TEXT    NOT NULL,
  silence_id TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (alert_id, source)
);
