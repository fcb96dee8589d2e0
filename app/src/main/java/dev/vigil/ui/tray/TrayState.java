package dev.vigil.ui.tray;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.ui.Noise;
import dev.vigil.ui.QuietStatus;
import dev.vigil.engine.WatchStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The one thing the tray icon says, most urgent first: not watching, a critical alert firing, an edit of the
 * rules that was refused (warning: the last good rules still run), quiet mode, a warning firing, something
 * acknowledged, all well. A critical alert shows even in quiet mode.
 */
public enum TrayState {
  OFFLINE,
  CRITICAL,
  QUIET,
  WARNING,
  ACKNOWLEDGED,
  OK;

  /** The name used in icon files: {@code /icons/tray-<name>-<size>.png}. */
  public String iconName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TrayState of(List<Alert> open, QuietStatus quiet, WatchStatus watch, Instant now) {
    if (!watch.watching()) return OFFLINE;
    boolean critical = false;
    boolean firing = false;
    boolean acknowledged = false;
    for (Alert a : open) {
      if (a.state() == AlertState.RESOLVED) continue;
      if (Noise.isFiring(a, now)) {
        firing = true;
        critical |= a.severity() == Severity.CRITICAL;
      } else {
        acknowledged = true;
      }
    }
    if (critical) return CRITICAL;
    if (watch.reloadProblems() > 0) return WARNING;
    if (quiet.on()) return QUIET;
    if (firing) return WARNING;
    if (acknowledged) return ACKNOWLEDGED;
    return OK;
  }
}
