package dev.vigil.alert;

import java.util.Locale;
import java.util.Optional;

/** How much an alert matters. Ordered from most to least important. */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  /** The lower-case name used in rules, JSON and the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String text) {
    if (text == null) return Optional.empty();
    for (Severity s : values()) {
      if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) return Optional.of(s);
    }
    return Optional.empty();
  }
}
