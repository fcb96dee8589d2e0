package dev.vigil.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar and the one duration formatter. Durations as written in rules: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, and
 * combinations from the largest unit to the smallest such as {@code 1h30m}. Zero is accepted here; callers
 * that need a positive duration say so themselves. Every duration is at most {@link #MAX}, so no rule, option or
 * sum of a few of them (an interval times ten, every + grace, now + a snooze) can overflow a time.
 */
public final class Durations {
  public static final String HINT = "(use 500ms, 30s, 5m, 1h, 1d)";
  /** The longest duration anything in Vigil takes: a year. */
  public static final Duration MAX = Duration.ofDays(365);
  /** How a duration beyond {@link #MAX} is refused, after the quoted text. */
  public static final String TOO_LONG = " is too long (at most 365d)";

  private static final List<String> UNITS = List.of("d", "h", "m", "s", "ms");
  private static final List<Duration> UNIT_LENGTHS =
      List.of(Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMillis(1));
  private static final Pattern PART = Pattern.compile("(\\d+)([a-zA-Z]*)");

  private Durations() {}

  /** Parses a rules duration; the exception's message is exact and quotes the text. */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim();
    String quoted = "\"" + t + "\"";
    if (t.startsWith("-")) throw new IllegalArgumentException(quoted + " is negative");
    if (t.isEmpty() || !Character.isDigit(t.charAt(0))) {
      throw new IllegalArgumentException(quoted + " is not a duration " + HINT);
    }
    if (t.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException(quoted + " has no unit " + HINT);
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int lastUnit = -1;
    int end = 0;
    while (end < t.length() && m.find(end) && m.start() == end) {
      String unit = m.group(2);
      if (unit.isEmpty()) break;
      int u = UNITS.indexOf(unit);
      if (u < 0) throw new IllegalArgumentException(quoted + " has an unknown unit \"" + unit + "\" " + HINT);
      if (u <= lastUnit) throw new IllegalArgumentException(quoted + ": units must go from largest to smallest, once each");
      try {
        total = total.plus(UNIT_LENGTHS.get(u).multipliedBy(Long.parseLong(m.group(1))));
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException(quoted + TOO_LONG);
      }
      if (total.compareTo(MAX) > 0) throw new IllegalArgumentException(quoted + TOO_LONG);
      lastUnit = u;
      end = m.end();
    }
    if (end != t.length()) throw new IllegalArgumentException(quoted + " is not a duration " + HINT);
    return total;
  }

  /** The canonical form, largest unit first: {@code 30s}, {@code 1h30m}, {@code 800ms}, {@code 0s}, {@code 2d}. */
  public static String format(Duration d) {
    return format(d, ChronoUnit.DAYS);
  }

  /**
   * The canonical form with no unit above {@code largest}: with {@code HOURS}, {@code 24h} and {@code 48h} (as
   * heartbeats are written); with {@code SECONDS}, {@code 90s} (as timeouts are).
   */
  public static String format(Duration d, ChronoUnit largest) {
    if (d.isNegative()) return "-" + format(d.negated(), largest);
    Duration rest = d.truncatedTo(ChronoUnit.MILLIS);
    if (rest.isZero()) return "0s";
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, UNIT_LENGTHS.indexOf(largest.getDuration())); i < UNITS.size(); i++) {
      long n = rest.dividedBy(UNIT_LENGTHS.get(i));
      if (n > 0) {
        out.append(n).append(UNITS.get(i));
        rest = rest.minus(UNIT_LENGTHS.get(i).multipliedBy(n));
      }
    }
    return out.toString();
  }

  /**
   * A rough length for people, to the second below an hour and to the minute above: {@code 45s}, {@code 8h},
   * {@code 2h5m}, {@code 1d}.
   */
  public static String rough(Duration d) {
    Duration abs = d.abs();
    ChronoUnit unit = abs.compareTo(Duration.ofHours(1)) >= 0 ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
    Duration rounded = Duration.ofSeconds(Math.round(abs.toMillis() / (double) unit.getDuration().toMillis())
        * unit.getDuration().toSeconds());
    return (d.isNegative() && !rounded.isZero() ? "-" : "") + format(rounded);
  }

  /** In words, for windows and reports: {@code 45 s}, {@code 37 min}, {@code 2 h 5 min}, {@code 3 d 4 h}; negative reads as zero. */
  public static String words(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) return s + " s";
    long m = s / 60;
    if (m < 60) return m + " min";
    long h = m / 60;
    if (h < 24) return m % 60 == 0 ? h + " h" : h + " h " + m % 60 + " min";
    long days = h / 24;
    return h % 24 == 0 ? days + " d" : days + " d " + h % 24 + " h";
  }
}
