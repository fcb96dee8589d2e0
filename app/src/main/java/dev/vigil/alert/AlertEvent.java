package dev.vigil.alert;

import java.time.Instant;

/**
 * One entry of an alert's timeline. Repeats are folded into the alert's count, never a row each.
 *
 * @param kind what happened: fired, acknowledged, snoozed, unsnoozed, resolved, reopened, notified...
 * @param note free text the person typed (an acknowledgement note), or a reason; may be null
 * @param actor who did it: "engine", "cli", "tray", "api", a user name; may be null
 */
public record AlertEvent(long alertId, Instant time, String kind, String note, String actor) {}
