package dev.vigil.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code vigil notifications}: a decision as it was made, sent, held back or failed.
 *
 * @param alertId the alert, or null for notices about no single alert (digest, drill, storm summary)
 * @param level a {@link Level} label, or for drill lines what was tested ({@code audio}, {@code desktop}, {@code phone})
 */
public record Notification(Instant time, Long alertId, String channel, String level, Outcome outcome, String reason) {
  public Notification {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public static Notification of(Instant time, Long alertId, Decision d) {
    return new Notification(time, alertId, d.channel(), d.level().label(), d.outcome(), d.reason());
  }
}
