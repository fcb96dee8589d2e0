package dev.vigil.policy;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

final class Fixtures {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private Fixtures() {}

  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  static Alert alert(long id, String monitor, Severity severity) {
    return alert(id, monitor, severity, AlertState.FIRING, null, Map.of());
  }

  static Alert alert(long id, String monitor, Severity severity, AlertState state, Instant snoozedUntil, Map<String, String> labels) {
    Instant t = Instant.parse("2025-06-01T00:00:00Z");
    return new Alert(id, "fp-" + id, monitor, severity, state, t, t, null, 1, "status (503) == 200", labels, snoozedUntil);
  }
}
