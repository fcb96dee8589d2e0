package dev.vigil.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in rules and on the command line: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 1d}, or a sum such as {@code 1h30m}. (Stand-in until {@code rules.Durations} lands.)
 */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private DurationText() {}

  /** The duration, or empty when the text is not one (never silently zero). */
  public static Optional<Duration> parse(String text) {
    if (text == null) return Optional.empty();
    String t = text.trim();
    if (t.isEmpty()) return Optional.empty();
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < t.length()) {
      if (!m.find(at) || m.start() != at) return Optional.empty();
      long n;
      try {
        n = Long.parseLong(m.group(1));
        total = total.plus(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
      } catch (NumberFormatException | ArithmeticException e) {
        return Optional.empty();
      }
      at = m.end();
    }
    return Optional.of(total);
  }

  /** The shortest way to write a duration back: 90s -> "1m30s". */
  public static String format(Duration d) {
    if (d.isZero()) return "0s";
    StringBuilder out = new StringBuilder();
    long days = d.toDays();
    if (days > 0) out.append(days).append('d');
    if (d.toHoursPart() > 0) out.append(d.toHoursPart()).append('h');
    if (d.toMinutesPart() > 0) out.append(d.toMinutesPart()).append('m');
    if (d.toSecondsPart() > 0) out.append(d.toSecondsPart()).append('s');
    if (d.toMillisPart() > 0) out.append(d.toMillisPart()).append("ms");
    return out.toString();
  }
}
