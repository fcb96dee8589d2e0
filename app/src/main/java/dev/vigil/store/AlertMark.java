package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import java.time.Instant;

/**
 * The parts of an open alert that tell whether it changed (state, snooze, count, reopens): what a watcher compares
 * between two looks at the store, without reading summaries and labels.
 */
public record AlertMark(long id, AlertState state, long count, Instant snoozedUntil, long reopens) {
  public AlertMark(long id, AlertState state, long count, Instant snoozedUntil) {
    this(id, state, count, snoozedUntil, 0);
  }

  public static AlertMark of(Alert a) {
    return new AlertMark(a.id(), a.state(), a.count(), a.snoozedUntil(), a.reopens());
  }
}
