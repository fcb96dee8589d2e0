package dev.vigil.cli;

import dev.vigil.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The commands' own option values, read with their bounds: a value out of range is a usage mistake (exit 2). */
final class Arguments {
  private Arguments() {}

  /** A duration of more than zero, at most {@link Durations#MAX}. */
  static Duration duration(String option, String text) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw Refused.usage(option + ": " + e.getMessage());
    }
    if (d.isZero()) throw Refused.usage(option + ": \"" + text.trim() + "\" must be longer than 0s");
    return d;
  }

  static int count(String option, int value, int min, int max) {
    if (value < min || value > max) throw Refused.usage(option + " must be from " + min + " to " + max + ", not " + value);
    return value;
  }

  /** A time as {@link When} reads it. */
  static Instant when(String option, String text) {
    try {
      return When.parse(text, Clock.systemUTC(), Terminal.zone());
    } catch (IllegalArgumentException e) {
      throw Refused.usage(option + ": " + e.getMessage());
    }
  }
}
