package dev.vigil.ui;

import dev.vigil.engine.WatchStatus;
import dev.vigil.alert.Alert;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What every window shows at one moment: the open alerts, quiet mode, whether Vigil is watching, and the noise
 * rules the notifier acts on (to say why each alert is, or is not, making noise).
 */
public record DeskSnapshot(List<Alert> open, QuietStatus quiet, WatchStatus watch, NoiseRules noise, Instant at) {
  public DeskSnapshot {
    open = List.copyOf(open);
  }

  /** A snapshot under the default policy in the system zone, no silences (for tests and the first frame). */
  public DeskSnapshot(List<Alert> open, QuietStatus quiet, WatchStatus watch, Instant at) {
    this(open, quiet, watch, NoiseRules.calm(ZoneId.systemDefault()), at);
  }

  public static DeskSnapshot empty(Instant at) {
    return new DeskSnapshot(List.of(), QuietStatus.OFF, WatchStatus.WATCHING, at);
  }
}
