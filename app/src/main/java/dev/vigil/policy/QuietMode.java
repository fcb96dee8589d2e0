package dev.vigil.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Quiet mode: no sound and no pop-ups, every decision logged as suppressed; monitors marked
 * {@code breakthrough} still wake. Manual (for a while, until morning, until turned off) or scheduled.
 *
 * @param until when it ends by itself, or null for "until turned off"
 * @param reason how it was turned on: {@code manual}, {@code until morning}, {@code scheduled}
 */
public record QuietMode(Instant until, String reason) {
  public static final String MANUAL = "manual";
  public static final String UNTIL_MORNING = "until morning";
  public static final String SCHEDULED = "scheduled";

  public QuietMode {
    Objects.requireNonNull(reason, "reason");
  }

  public static QuietMode forDuration(Duration d, Instant now) {
    return new QuietMode(now.plus(d), MANUAL);
  }

  public static QuietMode untilOff() {
    return new QuietMode(null, MANUAL);
  }

  /** Until the current overnight window closes, or the next one if it is not night yet. */
  public static QuietMode untilMorning(Instant now, OvernightWindow overnight, ZoneId zone) {
    Instant end = overnight.currentOrNext(now, zone).map(OvernightWindow.Occurrence::closes)
        .orElse(now.plus(Duration.ofHours(12)));
    return new QuietMode(end, UNTIL_MORNING);
  }

  /** The quiet mode in force at {@code now}: the manual one while it lasts, else the policy's quiet hours. */
  public static Optional<QuietMode> effective(QuietMode manual, Policy policy, Instant now) {
    if (manual != null && manual.isActive(now)) return Optional.of(manual);
    return policy.quietHours().occurrenceAt(now, policy.zone())
        .map(o -> new QuietMode(o.closes(), SCHEDULED));
  }

  public boolean isActive(Instant now) {
    return until == null || now.isBefore(until);
  }

  /** The words used in reasons: {@code quiet mode until 07:00} or {@code quiet mode until turned off}. */
  public String describe(Instant now, ZoneId zone) {
    String base = until == null ? "quiet mode until turned off" : "quiet mode until " + Times.clock(until, now, zone);
    return SCHEDULED.equals(reason) ? base + " (scheduled)" : base;
  }
}
