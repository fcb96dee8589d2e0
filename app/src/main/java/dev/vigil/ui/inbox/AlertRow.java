package dev.vigil.ui.inbox;

import dev.vigil.alert.Alert;
import dev.vigil.ui.Noise;
import dev.vigil.ui.QuietStatus;
import dev.vigil.ui.Times;
import java.time.Instant;
import java.time.ZoneId;

/** One inbox line, already in words. */
public record AlertRow(Alert alert, String severity, String monitor, String since, String count, String lastFailure, String noise) {

  static AlertRow of(Alert a, QuietStatus quiet, Instant now, ZoneId zone) {
    return new AlertRow(a, a.severity().label(), a.monitor(), Times.since(a.firstSeen(), now, zone),
        a.count() == 1 ? "1 time" : a.count() + " times", a.summary(), Noise.reason(a, quiet, now, zone));
  }

  public long id() {
    return alert.id();
  }

  /** The endpoint to open, from the alert's {@code url} label, or null. */
  public String url() {
    return alert.labels().get("url");
  }
}
