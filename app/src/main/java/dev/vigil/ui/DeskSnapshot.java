package dev.vigil.ui;

import dev.vigil.engine.WatchStatus;
import dev.vigil.alert.Alert;
import java.time.Instant;
import java.util.List;

/** What every window shows at one moment: the open alerts, quiet mode and whether Vigil is watching. */
public record DeskSnapshot(List<Alert> open, QuietStatus quiet, WatchStatus watch, Instant at) {
  public DeskSnapshot {
    open = List.copyOf(open);
  }

  public static DeskSnapshot empty(Instant at) {
    return new DeskSnapshot(List.of(), QuietStatus.OFF, WatchStatus.WATCHING, at);
  }
}
