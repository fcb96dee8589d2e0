-- Monitors paused by hand (vigil monitor pause ID --for D): no checks until "until". Times are epoch milliseconds.
-- A row whose "until" has passed means nothing; resuming deletes the row.
CREATE TABLE monitor_pauses (
  monitor   TEXT    PRIMARY KEY,
  until     INTEGER NOT NULL,
  paused_at INTEGER NOT NULL,
  actor     TEXT    NOT NULL
);
