package dev.vigil.policy;

import java.util.Objects;

/**
 * What the policy decided for one alert change, and why. The reason is the sentence the person reads in
 * {@code vigil notifications}, e.g. {@code quiet mode until 07:00}.
 *
 * @param channel where it goes: {@code desktop}, {@code tray}, {@code ladder}, {@code digest}, {@code ntfy},
 *     {@code pushover}, {@code webhook}, {@code drill}...
 */
public record Decision(String channel, Level level, Outcome outcome, String reason) {
  public Decision {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public static Decision sent(String channel, Level level, String reason) {
    return new Decision(channel, level, Outcome.SENT, reason);
  }

  public static Decision suppressed(String channel, Level level, String reason) {
    return new Decision(channel, level, Outcome.SUPPRESSED, reason);
  }

  public boolean isSent() {
    return outcome == Outcome.SENT;
  }

  @Override
  public String toString() {
    return channel + " " + level.label() + " " + outcome.label() + ": " + reason;
  }
}
