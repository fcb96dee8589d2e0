-- dependsOn: the monitor whose failure held an alert back when it fired (its root cause), or NULL.
ALTER TABLE alerts ADD COLUMN held_by TEXT;
