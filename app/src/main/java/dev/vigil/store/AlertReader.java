package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the alerts, their timelines and check history: the desktop's pages, the inbox feed, the history and the
 * noise report, the command line's lists, the engine's change watcher. Safe from any thread, never the JavaFX thread.
 */
public interface AlertReader {
  /** Every alert not resolved, newest first. */
  List<Alert> openAlerts();

  Optional<Alert> find(long id);

  /** The marks of every alert not resolved, to see cheaply which changed since a previous look. */
  default List<AlertMark> openAlertMarks() {
    return openAlerts().stream().map(AlertMark::of).toList();
  }

  /** Finds the open alert for a fingerprint, if any. */
  Optional<Alert> findOpen(String fingerprint);

  /** Resolved alerts acknowledged after {@code after}, oldest acknowledgement first. */
  default List<Alert> acknowledgedAfterResolve(Instant after) {
    return List.of();
  }

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

  /** Per-minute check aggregates of one monitor in [from, to), oldest first. */
  List<MinuteStat> checkStats(String monitor, Instant from, Instant to);

  /**
   * Hourly check aggregates of one monitor over the minutes in [from, to), oldest first: each stat's {@code minute}
   * is the start of its hour. One row an hour, so a week of a monitor reads 168 rows, not 10,080.
   */
  default List<MinuteStat> checkHours(String monitor, Instant from, Instant to) {
    java.util.Map<Instant, MinuteStat> hours = new java.util.LinkedHashMap<>();
    for (MinuteStat s : checkStats(monitor, from, to)) {
      Instant hour = s.minute().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
      hours.merge(hour, new MinuteStat(monitor, hour, s.checks(), s.failures(), s.latencySumMillis(), s.latencyMaxMillis()),
          (a, b) -> new MinuteStat(monitor, hour, a.checks() + b.checks(), a.failures() + b.failures(),
              a.latencySumMillis() + b.latencySumMillis(), Math.max(a.latencyMaxMillis(), b.latencyMaxMillis())));
    }
    return List.copyOf(hours.values());
  }

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

  /** The monitors paused at {@code at}, each with the end of its pause. */
  default Map<String, Instant> paused(Instant at) {
    return Map.of();
  }
}
