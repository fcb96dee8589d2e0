package dev.vigil.store;

import dev.vigil.alert.Alert;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** What the engine writes: batches of check results in one transaction, snoozes ending, retention. */
public interface EngineStore {
  /** Runs a batch of engine writes in one transaction; the engine calls this once per batch of results. */
  <T> T transaction(Function<EngineWrites, T> work);

  /**
   * A fire within {@code within} of the fingerprint's last alert resolving reopens that alert (same id, reopens + 1,
   * event "reopened") instead of opening a new one; zero never reopens. Default 30 minutes.
   */
  default void reopenWithin(java.time.Duration within) {}

  /** Snoozed alerts whose snooze ended by {@code now} go back to firing (event "snooze ended"). */
  List<Alert> endSnoozes(Instant now);

  /** Deletes check aggregates and state changes older than their retention; returns rows deleted. */
  int applyRetention(Instant now);
}
