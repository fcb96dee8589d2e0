package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The alerts, their timelines and check history, kept in SQLite in the data folder.
 * Every method is safe to call from any thread; none may be called on the JavaFX thread.
 * Several processes may open the same data folder: a {@code vigil ack} from the command line writes here
 * and the running instance notices it through {@link #dataVersion()}.
 */
public interface AlertStore extends AutoCloseable {
  /** policy.yaml's {@code reopenWithin} when it says nothing. */
  java.time.Duration DEFAULT_REOPEN_WITHIN = java.time.Duration.ofMinutes(30);

  /** Runs a batch of engine writes in one transaction; the engine calls this once per batch of results. */
  <T> T transaction(Function<EngineWrites, T> work);

  /** Every alert not resolved, newest first. */
  List<Alert> openAlerts();

  Optional<Alert> find(long id);

  /** The marks of every alert not resolved, to see cheaply which changed since a previous look. */
  default List<AlertMark> openAlertMarks() {
    return openAlerts().stream().map(AlertMark::of).toList();
  }

  /** Finds the open alert for a fingerprint, if any. */
  Optional<Alert> findOpen(String fingerprint);

  /**
   * Acknowledges a firing (or snoozed) alert: state acknowledged, event "acknowledged" with the note. An alert
   * resolved within {@code reopenWithin} is acknowledged too (it stays resolved, and reopens acknowledged).
   * Returns the updated alert, or empty when there is no such alert with that id.
   */
  Optional<Alert> acknowledge(long id, String note, String actor, Instant at);

  /**
   * A fire within {@code within} of the fingerprint's last alert resolving reopens that alert (same id, reopens + 1,
   * event "reopened") instead of opening a new one; zero never reopens. Default 30 minutes.
   */
  default void reopenWithin(java.time.Duration within) {}

  /** Resolved alerts acknowledged after {@code after}, oldest acknowledgement first. */
  default List<Alert> acknowledgedAfterResolve(Instant after) {
    return List.of();
  }

  /** Acknowledges until {@code until}; the engine returns it to firing afterwards if still failing. */
  Optional<Alert> snooze(long id, Instant until, String actor, Instant at);

  /** Resolves by hand (event "resolved" with the note). */
  Optional<Alert> resolve(long id, String note, String actor, Instant at);

  /** Snoozed alerts whose snooze ended by {@code now} go back to firing (event "snooze ended"). */
  List<Alert> endSnoozes(Instant now);

  /** A page of alerts, newest first, by keyset (never OFFSET). */
  Page<Alert> history(HistoryQuery query);

  /** The alert's timeline, oldest first. */
  List<AlertEvent> timeline(long alertId);

  /**
   * The time of each alert's first "acknowledged" event, for those of {@code alertIds} that have one (alerts never
   * acknowledged are absent). This default reads each timeline; {@link SqliteStore} answers in one query.
   */
  default Map<Long, Instant> firstAcknowledged(Collection<Long> alertIds) {
    Map<Long, Instant> first = new HashMap<>();
    for (long id : alertIds) {
      timeline(id).stream().filter(e -> e.kind().equals("acknowledged")).map(AlertEvent::time)
          .min(Instant::compareTo).ifPresent(t -> first.put(id, t));
    }
    return first;
  }

  /** The incidents begun and the alarms and pages sent in [since, until), for the noise report. */
  default NoiseFacts noiseFacts(Instant since, Instant until) {
    return new NoiseFacts(List.of(), List.of());
  }

  /** Appends one event to an alert's timeline (e.g. a notification sent or suppressed). */
  void addEvent(AlertEvent event);

  /** Per-minute check aggregates of one monitor in [from, to), oldest first. */
  List<MinuteStat> checkStats(String monitor, Instant from, Instant to);

  /** Up/down changes of one monitor in [from, to), oldest first. */
  List<StateChange> stateChanges(String monitor, Instant from, Instant to);

  /**
   * A number that changes whenever the alerts may have changed: another connection (the command line, another
   * process) committed to the database, or this store wrote to the alerts; cheap enough to poll every 100 ms.
   * Commits of this store that touched no alert (a passing check) may leave it as it was.
   */
  long dataVersion();

  /**
   * Calls {@code listener} (on the writing thread, after the commit) whenever this store itself wrote to the alerts,
   * so a watcher of {@link #dataVersion()} can look at once instead of at its next poll. Stores that cannot tell
   * never call it; the poll still finds their changes.
   */
  default void whenAlertsWritten(Runnable listener) {}

  /** Pauses a monitor by hand until {@code until}, replacing an earlier pause: no checks meanwhile. */
  default void pause(String monitor, Instant until, String actor, Instant at) {
    throw new UnsupportedOperationException("this store cannot pause monitors");
  }

  /** Ends a monitor's pause; true when it was paused at {@code at}. */
  default boolean resume(String monitor, Instant at) {
    return false;
  }

  /** The monitors paused at {@code at}, each with the end of its pause. */
  default Map<String, Instant> paused(Instant at) {
    return Map.of();
  }

  /** Deletes check aggregates and state changes older than their retention; returns rows deleted. */
  int applyRetention(Instant now);

  @Override
  void close();
}
