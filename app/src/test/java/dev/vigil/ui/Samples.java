package dev.vigil.ui;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Instant;
import java.util.Map;

/** Alerts for tests. */
public final class Samples {
  public static final Instant T0 = Instant.parse("2026-11-25T01:14:00Z");

  private Samples() {}

  public static Alert alert(long id, AlertState state) {
    return alert(id, "payments-api", Severity.CRITICAL, state);
  }

  public static Alert alert(long id, String monitor, Severity severity, AlertState state) {
    return new Alert(id, "fp-" + id, monitor, severity, state, T0, T0.plusSeconds(600), state == AlertState.RESOLVED ? T0.plusSeconds(1800) : null,
        3, "status: status (503) == 200", Map.of("url", "https://pay.example/health"), null);
  }

  public static Alert snoozed(Alert a, Instant until) {
    return new Alert(a.id(), a.fingerprint(), a.monitor(), a.severity(), AlertState.ACKNOWLEDGED, a.firstSeen(), a.lastSeen(),
        a.resolvedAt(), a.count(), a.summary(), a.labels(), until);
  }
}
