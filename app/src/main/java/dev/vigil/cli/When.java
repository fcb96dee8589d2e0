package dev.vigil.cli;

import dev.vigil.config.Durations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A point in time as a person types it: {@code 24h} or {@code 7d} (that long ago), {@code today},
 * {@code yesterday}, {@code 2026-11-24}, {@code 2026-11-24T22:00}, or a full ISO-8601 time with offset.
 */
final class When {
  private When() {}

  /** The earliest and latest times accepted: nothing Vigil stores lies outside them. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  static Instant parse(String text, Clock clock, ZoneId zone) {
    Instant at = read(text.trim(), clock, zone);
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new IllegalArgumentException("\"" + text.trim() + "\" is out of range (1970-01-01 to 9999-12-31)");
    }
    return at;
  }

  private static Instant read(String t, Clock clock, ZoneId zone) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    switch (t) {
      case "today":
        return today.atStartOfDay(zone).toInstant();
      case "yesterday":
        return today.minusDays(1).atStartOfDay(zone).toInstant();
      case "now":
        return clock.instant();
      default:
        break;
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).atZone(zone).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return clock.instant().minus(Durations.parse(t));
    } catch (IllegalArgumentException e) {
      if (e.getMessage().contains("too long")) throw e;
      throw new IllegalArgumentException(
          "\"" + t + "\" is not a time (use 24h, 7d, today, yesterday, 2026-11-24 or 2026-11-24T22:00)");
    }
  }
}
