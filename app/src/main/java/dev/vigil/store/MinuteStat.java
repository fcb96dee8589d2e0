package dev.vigil.store;

import java.time.Instant;

/** One minute of a monitor's checks, for charts and uptime. */
public record MinuteStat(String monitor, Instant minute, int checks, int failures, long latencySumMillis, long latencyMaxMillis) {
  public double averageLatencyMillis() {
    return checks == 0 ? 0 : (double) latencySumMillis / checks;
  }
}
