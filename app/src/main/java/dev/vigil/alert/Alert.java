package dev.vigil.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One problem, one alert: the row the store keeps for a fingerprint while it is open.
 *
 * @param id the store's id, stable for the life of the alert
 * @param fingerprint what makes two failures "the same problem" (see {@code dedupe.Fingerprint})
 * @param monitor the monitor, heartbeat or source alert id this alert is about
 * @param count how many failing checks (or intake repeats) folded into this alert
 * @param summary the last failure in words, e.g. {@code status: status (503) == 200}
 * @param snoozedUntil when a snooze ends, or null
 * @param resolvedAt when it resolved, or null while open
 * @param reopens how many times it fired again within {@code reopenWithin} of resolving and was reopened
 * @param acknowledgedAt when a person last acknowledged it, kept through a resolve (a reopen stays acknowledged)
 * @param heldBy the monitor whose failure held this alert back when it fired (its root cause, see
 *     {@code dependsOn}), or null
 */
public record Alert(
    long id,
    String fingerprint,
    String monitor,
    Severity severity,
    AlertState state,
    Instant firstSeen,
    Instant lastSeen,
    Instant resolvedAt,
    long count,
    String summary,
    Map<String, String> labels,
    Instant snoozedUntil,
    long reopens,
    Instant acknowledgedAt,
    String heldBy) {

  /** An alert never reopened nor acknowledged, held by no parent. */
  public Alert(long id, String fingerprint, String monitor, Severity severity, AlertState state, Instant firstSeen,
      Instant lastSeen, Instant resolvedAt, long count, String summary, Map<String, String> labels, Instant snoozedUntil) {
    this(id, fingerprint, monitor, severity, state, firstSeen, lastSeen, resolvedAt, count, summary, labels, snoozedUntil, 0, null, null);
  }

  /** An alert held by no parent. */
  public Alert(long id, String fingerprint, String monitor, Severity severity, AlertState state, Instant firstSeen,
      Instant lastSeen, Instant resolvedAt, long count, String summary, Map<String, String> labels, Instant snoozedUntil,
      long reopens, Instant acknowledgedAt) {
    this(id, fingerprint, monitor, severity, state, firstSeen, lastSeen, resolvedAt, count, summary, labels, snoozedUntil,
        reopens, acknowledgedAt, null);
  }

  /** An alert never reopened nor acknowledged, held back by {@code heldBy} (or null). */
  public Alert(long id, String fingerprint, String monitor, Severity severity, AlertState state, Instant firstSeen,
      Instant lastSeen, Instant resolvedAt, long count, String summary, Map<String, String> labels, Instant snoozedUntil,
      String heldBy) {
    this(id, fingerprint, monitor, severity, state, firstSeen, lastSeen, resolvedAt, count, summary, labels, snoozedUntil,
        0, null, heldBy);
  }

  public Alert {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    summary = summary == null ? "" : summary;
  }


  public boolean isOpen() {
    return state.isOpen();
  }
}
