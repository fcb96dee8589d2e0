package dev.vigil.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the person reads them in reasons: {@code 07:00} when within 20 hours of now, else {@code 2025-03-30 07:00}. */
public final class Times {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Times() {}

  public static String clock(Instant t, Instant now, ZoneId zone) {
    boolean soon = Duration.between(now, t).abs().compareTo(Duration.ofHours(20)) < 0;
    return (soon ? CLOCK : DATE_CLOCK).format(t.atZone(zone));
  }
}
