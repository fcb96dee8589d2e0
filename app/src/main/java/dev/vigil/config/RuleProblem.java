package dev.vigil.config;

import java.nio.file.Path;

/**
 * One thing wrong with the rules, printed by {@code vigil validate} as {@code FILE:LINE:COL: message}.
 * The message names the rule id and field, e.g.
 * {@code monitor "payments-api": field "interval": "30 seconds" is not a duration (use 500ms, 30s, 5m, 1h, 1d)}.
 * It never contains the value of an environment variable.
 */
public record RuleProblem(Path file, int line, int column, String message) {
  public static RuleProblem at(Location where, String message) {
    return new RuleProblem(where.file(), where.line(), where.column(), message);
  }

  public String format() {
    return file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
