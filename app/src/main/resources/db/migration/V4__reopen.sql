-- One incident per problem through flapping (issue 15). Times are epoch milliseconds.
-- reopens: how many times the alert fired again within reopenWithin of resolving and was reopened.
-- acknowledged_at: when a person last acknowledged it (kept through resolve, so a reopen stays acknowledged;
-- cleared when a snooze ends).
ALTER TABLE alerts ADD COLUMN reopens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN acknowledged_at INTEGER;

-- The last resolved alert of a fingerprint, for a reopen.
CREATE INDEX alerts_resolved_fingerprint ON alerts (fingerprint, resolved_at DESC) WHERE state = 'resolved';
-- Resolved alerts acknowledged after they resolved, for the running instance to hear of it.
CREATE INDEX alerts_resolved_acknowledged ON alerts (acknowledged_at) WHERE state = 'resolved' AND acknowledged_at IS NOT NULL;
