package dev.vigil.policy;

import dev.vigil.config.Location;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

/**
 * A scheduled maintenance window ({@code maintenance:} in a rules file), in the policy's time zone: matching alerts
 * are recorded and shown but make no noise while it is open. Either {@code weekly} (a day and two times, e.g.
 * {@code sun 02:00-04:00}; an end before the start runs past midnight) or {@code cron} with {@code length}
 * ({@code for:}) is set.
 *
 * @param match as a silence matches: {@code monitor}, {@code severity} or a label, a value ending in {@code *} by prefix
 */
public record MaintenanceRule(
    String id, Map<String, String> match, Weekly weekly, String cron, Duration length, Location where) {
  public MaintenanceRule {
    match = Map.copyOf(match);
  }

  /** {@code sun 02:00-04:00}. */
  public record Weekly(DayOfWeek day, LocalTime start, LocalTime end) {}
}
