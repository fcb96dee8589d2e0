package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.policy.Level;
import dev.vigil.policy.Policy;
import dev.vigil.policy.QuietMode;
import dev.vigil.policy.Silence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The inbox's "why it is (or is not) making noise" says what the notifier's own decision is. */
class NoiseTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NIGHT = Instant.parse("2026-11-25T01:00:00Z"); // 02:00 in Berlin
  static final Instant DAY = Instant.parse("2026-11-25T13:00:00Z"); // 14:00
  static final NoiseRules CALM = NoiseRules.calm(BERLIN);

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "night | critical | Overnight: critical wakes you (alarm)",
      "night | warning  | Overnight: warning waits for the morning digest at 08:00",
      "night | info     | Overnight: info waits for the morning digest at 08:00",
      "day   | critical | By day: critical pops up with a chime",
      "day   | warning  | By day: warning pops up, no sound",
      "day   | info     | By day: info shows in the tray only",
  })
  void dayAndNightBehaviourBySeverityFollowTheDefaultPolicy(String when, String severity, String expected) {
    Instant now = when.equals("night") ? NIGHT : DAY;
    assertThat(Noise.reason(firing(Severity.parse(severity).orElseThrow()), CALM, now, BERLIN)).isEqualTo(expected);
  }

  @Test
  void theNightBehaviourComesFromThePolicy() {
    Policy d = Policy.defaults(BERLIN);
    Policy loudWarnings = new Policy(d.zone(), d.overnight(), d.quietHours(), d.day(), Map.of(Severity.WARNING, Level.WAKE),
        d.escalation(), d.storm(), d.channels());
    assertThat(Noise.reason(firing(Severity.WARNING), new NoiseRules(loudWarnings, null, List.of(), Set.of()), NIGHT, BERLIN))
        .isEqualTo("Overnight: warning wakes you (alarm)");
  }

  @Test
  void quietModeHoldsBackACriticalAlertAndSaysUntilWhen() {
    NoiseRules quiet = new NoiseRules(Policy.defaults(BERLIN), QuietMode.forDuration(Duration.ofHours(5), NIGHT), List.of(), Set.of());
    assertThat(Noise.reason(firing(Severity.CRITICAL), quiet, NIGHT, BERLIN)).isEqualTo("Quiet mode until 07:00: recorded, not ringing");
  }

  @Test
  void aBreakthroughMonitorStillWakesYouInQuietMode() {
    NoiseRules quiet = new NoiseRules(Policy.defaults(BERLIN), QuietMode.forDuration(Duration.ofHours(5), NIGHT), List.of(),
        Set.of("payments-api"));
    assertThat(Noise.reason(firing(Severity.CRITICAL), quiet, NIGHT, BERLIN))
        .isEqualTo("Overnight: critical wakes you (alarm), breaking through quiet mode until 07:00");
  }

  @Test
  void aSilenceSaysWhichAndUntilWhen() {
    Silence deploy = new Silence(4, Map.of("monitor", "payments-api"), NIGHT.minusSeconds(60), NIGHT.plus(Duration.ofMinutes(90)),
        "deploy", "cli");
    Silence other = new Silence(5, Map.of("monitor", "search"), NIGHT.minusSeconds(60), NIGHT.plus(Duration.ofHours(3)), "", "cli");
    NoiseRules silenced = new NoiseRules(Policy.defaults(BERLIN), null, List.of(other, deploy), Set.of());
    assertThat(Noise.reason(firing(Severity.CRITICAL), silenced, NIGHT, BERLIN)).isEqualTo("Silenced by #4 (deploy) until 03:30: silent");
  }

  @Test
  void aMaintenanceWindowSaysWhichAndUntilWhen() {
    var backup = new dev.vigil.policy.MaintenanceWindow(new dev.vigil.policy.MaintenanceRule("db-backup",
        Map.of("monitor", "payments-api"), null, "0 1 * * *", Duration.ofHours(3), new dev.vigil.config.Location(java.nio.file.Path.of("m.yaml"), 1, 1)));
    NoiseRules rules = new NoiseRules(Policy.defaults(BERLIN), null, List.of(), Set.of(), List.of(backup), null);
    assertThat(Noise.reason(firing(Severity.CRITICAL), rules, NIGHT, BERLIN)).isEqualTo("In maintenance until 04:00 (db-backup): silent");
  }

  @Test
  void aServiceHeldByItsFailingDatabaseSaysSoUntilTheDatabaseIsBack() {
    Alert held = new Alert(9, "fp9", "accounts-api", Severity.CRITICAL, AlertState.FIRING, NIGHT, NIGHT, null, 1, "status (503) < 400",
        Map.of(), null, "core-db");
    assertThat(Noise.reason(held, CALM, NIGHT, BERLIN, Set.of("core-db", "accounts-api"))).isEqualTo("Held: core-db is down: silent");
    assertThat(Noise.reason(held, CALM, NIGHT, BERLIN, Set.of("accounts-api"))).isEqualTo("Overnight: critical wakes you (alarm)");
  }

  @Test
  void anAcknowledgedAlertIsSilent() {
    assertThat(Noise.reason(Samples.alert(1, AlertState.ACKNOWLEDGED), CALM, NIGHT, BERLIN)).isEqualTo("Acknowledged: silent");
  }

  @Test
  void aSnoozedAlertSaysWhenItWillRingAgain() {
    var snoozed = Samples.snoozed(Samples.alert(1, AlertState.ACKNOWLEDGED), Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(Noise.reason(snoozed, CALM, NIGHT, BERLIN)).isEqualTo("Snoozed until 08:00: silent");
  }

  private static Alert firing(Severity severity) {
    return Samples.alert(1, "payments-api", severity, AlertState.FIRING);
  }
}
