package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.policy.Policy;
import dev.vigil.config.Location;
import dev.vigil.policy.MaintenanceRule;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Sunday backup window on the night the clocks go forward (Europe/Berlin, 29 March 2026), on a virtual clock. */
class MaintenanceNightTest extends NightScene {
  MaintenanceNightTest() {
    super(at("2026-03-29T01:00"));
  }

  @BeforeEach
  void setUp() {
    n = builder(Policy.defaults(BERLIN)).confirm(monitor -> CompletableFuture.completedFuture(true)).build();
    n.maintenance(List.of(new MaintenanceRule("db-backup", Map.of("monitor", "core-db"),
        new MaintenanceRule.Weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 0), LocalTime.of(4, 0)), null, null,
        new Location(Path.of("maintenance.yaml"), 1, 1))));
  }

  static Alert alert(long id, String monitor, AlertState state) {
    Instant t = at("2026-03-29T03:10");
    return new Alert(id, "fp" + id, monitor, Severity.CRITICAL, state, t, t, null, 2, "status (503) == 200", Map.of(), null);
  }

  @Test
  void anAlertInTheWindowIsQuietAndStillFailingAtItsEndWakesOnce() {
    runUntil(at("2026-03-29T03:10"));
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "core-db", AlertState.FIRING), clock.instant()));
    n.onChange(new AlertChange(Kind.FIRED, alert(2, "search", AlertState.FIRING), clock.instant()));
    assertThat(alarm.starts).as("search is not in maintenance").isEqualTo(1);
    n.onChange(new AlertChange(Kind.RESOLVED, alert(2, "search", AlertState.RESOLVED), clock.instant()));
    runUntil(at("2026-03-29T03:59:45"));
    assertThat(alarm.sounding).isFalse();
    assertThat(reasons(1)).containsExactly("ladder suppressed: in maintenance until 04:00 (db-backup)");

    runUntil(at("2026-03-29T04:30"));
    assertThat(alarm.starts).as("core-db wakes when the window ends").isEqualTo(2);
    assertThat(reasons(1)).containsExactly(
        "ladder suppressed: in maintenance until 04:00 (db-backup)",
        "ladder sent: still failing after maintenance db-backup ended: critical overnight: wake ladder",
        "ladder sent: alarm: core-db still failing on a fresh check",
        "phone suppressed: unacknowledged after 5m: no phone channel configured",
        "webhook suppressed: unacknowledged after 15m: no further contact configured");
  }

  @Test
  void anAlertResolvedInsideTheWindowNeverMakesNoise() {
    runUntil(at("2026-03-29T03:10"));
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "core-db", AlertState.FIRING), clock.instant()));
    runUntil(at("2026-03-29T03:40"));
    n.onChange(new AlertChange(Kind.RESOLVED, alert(1, "core-db", AlertState.RESOLVED), clock.instant()));
    runUntil(at("2026-03-29T05:00"));
    assertThat(alarm.starts).isZero();
    assertThat(reasons(1)).containsExactly("ladder suppressed: in maintenance until 04:00 (db-backup)", "tray sent: resolved");
  }
}
