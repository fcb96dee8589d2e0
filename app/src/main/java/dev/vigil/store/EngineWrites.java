package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The writes the engine makes inside one {@link AlertStore#transaction}. */
public interface EngineWrites {

  /**
   * A confirmed failure: opens an alert for the fingerprint (event "fired"), or when one is already open
   * folds into it (count + 1, lastSeen, summary). Never creates a second open alert for a fingerprint.
   */
  Alert fire(String fingerprint, String monitor, Severity severity, String summary, Map<String, String> labels, Instant at);

  /**
   * {@link #fire} while a monitor it depends on fails: a new alert records {@code heldBy} (the root cause) and a
   * "held" event. Stores that keep no {@code heldBy} fire as usual.
   */
  default Alert fire(String fingerprint, String monitor, Severity severity, String summary, Map<String, String> labels,
      Instant at, String heldBy) {
    return fire(fingerprint, monitor, severity, summary, labels, at);
  }

  /** Another failing check for an open alert: count + 1, lastSeen, summary. Returns empty if none is open. */
  java.util.Optional<Alert> repeat(String fingerprint, String summary, Instant at);

  /**
   * {@link #repeat} for a caller that needs only to know whether an open alert took the check (the engine's
   * hot path: it does not read the row back). True if one was open.
   */
  default boolean fold(String fingerprint, String summary, Instant at) {
    return repeat(fingerprint, summary, at).isPresent();
  }

  /** The problem went away: resolves the open alert (event "resolved" with the note). Empty if none was open. */
  java.util.Optional<Alert> recover(String fingerprint, String note, Instant at);

  /** Folds one check into its monitor's per-minute aggregate. */
  void recordCheck(String monitor, Instant at, boolean passed, Duration latency);

  /** Records that a monitor went up or down. */
  void recordStateChange(String monitor, Instant at, boolean up, String summary);

  /** Records a stretch of time Vigil did not watch (see {@link Gap}); stores that keep no gaps ignore it. */
  default void recordGap(Instant started, Instant ended, String reason) {}

  /** Appends a timeline event inside this transaction. */
  void addEvent(long alertId, Instant at, String kind, String note, String actor);
}
