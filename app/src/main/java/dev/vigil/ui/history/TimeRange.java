package dev.vigil.ui.history;

import java.time.Duration;
import java.time.Instant;

/** The time ranges the history offers. */
public enum TimeRange {
  DAY("Last 24 h", Duration.ofDays(1)),
  WEEK("Last 7 days", Duration.ofDays(7)),
  MONTH("Last 30 days", Duration.ofDays(30)),
  ALL("All time", null);

  private final String label;
  private final Duration length;

  TimeRange(String label, Duration length) {
    this.label = label;
    this.length = length;
  }

  /** The start of the range ending at {@code now}, or null for all time. */
  public Instant since(Instant now) {
    return length == null ? null : now.minus(length);
  }

  @Override
  public String toString() {
    return label;
  }
}
