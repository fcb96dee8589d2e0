package dev.vigil.policy;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A window of wall-clock time written {@code HH:MM-HH:MM}; when the end is earlier it crosses midnight. */
public record DailyWindow(LocalTime start, LocalTime end) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

  public DailyWindow {
    if (start.equals(end)) throw new IllegalArgumentException("window opens and closes at " + start);
  }

  /** Parses {@code "22:00-08:00"}; empty when the text is not of that form. */
  public static Optional<DailyWindow> parse(String text) {
    if (text == null) return Optional.empty();
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) return Optional.empty();
    try {
      LocalTime start = LocalTime.parse(pad(m.group(1)));
      LocalTime end = LocalTime.parse(pad(m.group(2)));
      if (start.equals(end)) return Optional.empty();
      return Optional.of(new DailyWindow(start, end));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String pad(String hhmm) {
    return hhmm.length() == 4 ? "0" + hhmm : hhmm;
  }

  public boolean crossesMidnight() {
    return end.isBefore(start);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
