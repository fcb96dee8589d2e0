package dev.vigil.schedule;

import java.time.Duration;

/**
 * Starts checks on time. A check is a Runnable that only starts the work (an asynchronous HTTP call, say),
 * so a slow endpoint never holds up the others.
 */
public interface CheckScheduler extends AutoCloseable {
  void start();

  /**
   * Runs {@code check} every {@code interval}, replacing any schedule for the monitor. The first run comes at
   * the monitor's own phase in the interval, taken from a stable hash of its id, so thousands of monitors do not
   * fire together and a reload or restart does not move them.
   */
  void schedule(String monitorId, Duration interval, Runnable check);

  /** Stops the monitor's repeating runs and any pending one-shot run. */
  void unschedule(String monitorId);

  /** Runs {@code check} once after {@code delay}, replacing any pending one-shot run for the monitor. */
  void runOnceAfter(String monitorId, Duration delay, Runnable check);

  /**
   * The server asked to wait: the monitor's next repeating run comes at its first slot {@code delay} or more from
   * now (then on at its interval), and any pending one-shot run is dropped.
   */
  void postpone(String monitorId, Duration interval, Duration delay);

  /** When the monitor's next check (repeating or one-shot) is due, or empty when none is scheduled or it cannot tell. */
  default java.util.Optional<java.time.Instant> nextRun(String monitorId) {
    return java.util.Optional.empty();
  }

  /** Runs every scheduled monitor now, once, besides its schedule. */
  void runAllNow();

  @Override
  void close();
}
