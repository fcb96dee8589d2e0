package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import java.time.Instant;
import java.time.ZoneId;

/** Why an open alert is, or is not, making noise, in words. */
public final class Noise {
  private Noise() {}

  public static String reason(Alert alert, QuietStatus quiet, Instant now, ZoneId zone) {
    if (alert.state() == AlertState.RESOLVED) return "Resolved: silent";
    if (alert.snoozedUntil() != null && alert.snoozedUntil().isAfter(now)) {
      return "Snoozed until " + Times.clock(alert.snoozedUntil(), now, zone) + ": silent";
    }
    if (alert.state() == AlertState.ACKNOWLEDGED) return "Acknowledged: silent";
    if (quiet.on()) {
      return quiet.until() == null
          ? "Quiet mode: recorded, not ringing"
          : "Quiet mode until " + Times.clock(quiet.until(), now, zone) + ": recorded, not ringing";
    }
    return "Firing: making noise";
  }

  /** True when the alert is firing and not snoozed: it wants someone's attention now. */
  public static boolean isFiring(Alert alert, Instant now) {
    return alert.state() == AlertState.FIRING && (alert.snoozedUntil() == null || !alert.snoozedUntil().isAfter(now));
  }
}
