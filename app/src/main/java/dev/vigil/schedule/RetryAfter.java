package dev.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A server's "not now": a 429 or 503 with {@code Retry-After} (seconds, or an HTTP-date). The monitor's next check
 * waits that long, but never more than {@link #MAX_INTERVALS} of its intervals, so a wrong or hostile value (a
 * year, a date in 2099) cannot stop Vigil watching: a 30 s monitor honours up to 5 minutes.
 *
 * @param status the HTTP status that carried it
 * @param asked what the server asked for, from the check's start
 * @param delay how long the next check waits: {@code asked}, capped
 */
public record RetryAfter(int status, Duration asked, Duration delay) {
  public static final int MAX_INTERVALS = 10;

  /** Empty unless {@code status} is 429 or 503 and {@code header} is a delay or a date this side of the check. */
  public static Optional<RetryAfter> of(int status, String header, Instant checkedAt, Duration interval) {
    if ((status != 429 && status != 503) || header == null || header.isBlank()) return Optional.empty();
    Optional<Duration> asked = parse(header.trim(), checkedAt);
    if (asked.isEmpty() || asked.get().isNegative() || asked.get().isZero()) return Optional.empty();
    Duration cap = interval.multipliedBy(MAX_INTERVALS);
    return Optional.of(new RetryAfter(status, asked.get(), asked.get().compareTo(cap) > 0 ? cap : asked.get()));
  }

  private static Optional<Duration> parse(String value, Instant checkedAt) {
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)); // absurdly long: the cap applies
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(Duration.between(checkedAt, at));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The reason the check failed, e.g. {@code rate limited (429): retry after 120 s}. */
  public String describe() {
    String what = (status == 429 ? "rate limited" : "unavailable") + " (" + status + "): retry after " + seconds(asked);
    return delay.equals(asked) ? what
        : what + " asked, checking again in " + seconds(delay) + " (" + MAX_INTERVALS + " intervals at most)";
  }

  private static String seconds(Duration d) {
    return (d.getSeconds() + (d.getNano() > 0 ? 1 : 0)) + " s";
  }
}
