package dev.vigil.policy;

import dev.vigil.config.Location;
import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * {@code oncall:} in policy.yaml: when the person is on call. Exactly one of {@code calendar} (an iCalendar feed, an
 * http(s) URL or a file, with {@code match} when it holds everyone's shifts) and {@code rotation} is set.
 *
 * @param refresh how often the calendar is fetched again (default 1h)
 * @param offShift what each severity does off shift: wake, chime, notify, tray or digest (default critical notify,
 *     warning and info tray)
 */
public record OncallSpec(String calendar, String match, Duration refresh, Rotation rotation, Map<Severity, String> offShift,
    Location where) {
  public OncallSpec {
    offShift = Map.copyOf(offShift);
  }

  /** {@code {start: 2026-12-07T09:00, shift: 7d, every: 21d}}, in the policy's time zone. */
  public record Rotation(LocalDateTime start, Duration shift, Duration every) {}

  public boolean isCalendarUrl() {
    return calendar != null && (calendar.startsWith("http://") || calendar.startsWith("https://"));
  }
}
