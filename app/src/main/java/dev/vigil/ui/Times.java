package dev.vigil.ui;

import dev.vigil.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations in the user's zone, in the few shapes the windows use. */
public final class Times {
  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HOUR_MINUTE_SECOND = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DAY_HOUR_MINUTE = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Times() {}

  /** "02:14" when {@code time} is on the same day as {@code now}, else "24 Nov 02:14". */
  public static String clock(Instant time, Instant now, ZoneId zone) {
    ZonedDateTime t = time.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    return t.toLocalDate().equals(today) ? HOUR_MINUTE.format(t) : DAY_HOUR_MINUTE.format(t);
  }

  /** "02:14:05" when {@code time} is on the same day as {@code now}, else "24 Nov 02:14": checks seconds apart. */
  public static String clockSeconds(Instant time, Instant now, ZoneId zone) {
    ZonedDateTime t = time.atZone(zone);
    return t.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? HOUR_MINUTE_SECOND.format(t) : DAY_HOUR_MINUTE.format(t);
  }

  /** "2026-11-25 02:14", for reports and tables that span days. */
  public static String full(Instant time, ZoneId zone) {
    return FULL.format(time.atZone(zone));
  }

  /** "since 02:14 (37 min)". */
  public static String since(Instant first, Instant now, ZoneId zone) {
    return "since " + clock(first, now, zone) + " (" + Durations.words(Duration.between(first, now)) + ")";
  }

}
