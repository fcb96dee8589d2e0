package dev.vigil.policy;

import java.util.Locale;

/** What became of a notification: sent, held back on purpose, or tried and failed. */
public enum Outcome {
  SENT,
  SUPPRESSED,
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Outcome parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
