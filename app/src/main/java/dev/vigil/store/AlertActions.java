package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * What people do to alerts and monitors, from the desktop, the command line, the local API or an Alertmanager
 * silence: acknowledge, snooze, resolve, note on a timeline, pause and resume. Safe from any thread.
 */
public interface AlertActions {
  /**
   * Acknowledges a firing (or snoozed) alert: state acknowledged, event "acknowledged" with the note. An alert
   * resolved within {@code reopenWithin} is acknowledged too (it stays resolved, and reopens acknowledged).
   * Returns the updated alert, or empty when there is no such alert with that id.
   */
  Optional<Alert> acknowledge(long id, String note, String actor, Instant at);

  /** Acknowledges until {@code until}; the engine returns it to firing afterwards if still failing. */
  Optional<Alert> snooze(long id, Instant until, String actor, Instant at);

  /** Resolves by hand (event "resolved" with the note). */
  Optional<Alert> resolve(long id, String note, String actor, Instant at);

  /** Appends one event to an alert's timeline (e.g. a notification sent or suppressed). */
  void addEvent(AlertEvent event);

  /** Pauses a monitor by hand until {@code until}, replacing an earlier pause: no checks meanwhile. */
  default void pause(String monitor, Instant until, String actor, Instant at) {
    throw new UnsupportedOperationException("this store cannot pause monitors");
  }

  /** Ends a monitor's pause; true when it was paused at {@code at}. */
  default boolean resume(String monitor, Instant at) {
    return false;
  }
}
