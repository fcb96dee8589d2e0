package dev.vigil.alert;

import java.time.Instant;

/**
 * Something happened to an alert. The engine publishes these after the store has committed them, whether the
 * change came from a check, the local API, the command line of another process, or the UI.
 */
public record AlertChange(Kind kind, Alert alert, Instant at) {
  public enum Kind {
    /** A new alert opened: a confirmed failure or an intake alert. */
    FIRED,
    /**
     * A resolved alert fired again within {@code reopenWithin}: the same incident (same id, reopens + 1). It comes
     * back acknowledged when a person had acknowledged it, else firing.
     */
    REOPENED,
    /** A failure folded into an open alert (count + 1). */
    REPEATED,
    /** Acknowledged; the alert may be resolved already (acknowledged just after it resolved, within reopenWithin). */
    ACKNOWLEDGED,
    SNOOZED,
    /** A snooze ended while the problem is still there: the alert is firing again. */
    SNOOZE_ENDED,
    RESOLVED
  }
}
