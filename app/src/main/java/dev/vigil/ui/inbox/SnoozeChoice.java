package dev.vigil.ui.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The snooze lengths the inbox offers. */
public enum SnoozeChoice {
  FIFTEEN_MINUTES("15 min"),
  ONE_HOUR("1 h"),
  UNTIL_MORNING("until 08:00");

  static final LocalTime MORNING = LocalTime.of(8, 0);
  private final String label;

  SnoozeChoice(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** When the snooze ends; "until 08:00" means the next 08:00 in the user's zone (DST-correct). */
  public Instant until(Instant now, ZoneId zone) {
    return switch (this) {
      case FIFTEEN_MINUTES -> now.plus(Duration.ofMinutes(15));
      case ONE_HOUR -> now.plus(Duration.ofHours(1));
      case UNTIL_MORNING -> {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime morning = local.toLocalDate().atTime(MORNING).atZone(zone);
        yield (morning.isAfter(local) ? morning : local.toLocalDate().plusDays(1).atTime(MORNING).atZone(zone)).toInstant();
      }
    };
  }
}
