package dev.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertState;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NoiseTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");

  @Test
  void aFiringAlertMakesNoise() {
    assertThat(Noise.reason(Samples.alert(1, AlertState.FIRING), QuietStatus.OFF, NOW, BERLIN))
        .isEqualTo("Firing: making noise");
  }

  @Test
  void quietModeSaysUntilWhen() {
    assertThat(Noise.reason(Samples.alert(1, AlertState.FIRING), QuietStatus.until(Instant.parse("2026-11-25T06:00:00Z")), NOW, BERLIN))
        .isEqualTo("Quiet mode until 07:00: recorded, not ringing");
  }

  @Test
  void anAcknowledgedAlertIsSilent() {
    assertThat(Noise.reason(Samples.alert(1, AlertState.ACKNOWLEDGED), QuietStatus.OFF, NOW, BERLIN))
        .isEqualTo("Acknowledged: silent");
  }

  @Test
  void aSnoozedAlertSaysWhenItWillRingAgain() {
    var snoozed = Samples.snoozed(Samples.alert(1, AlertState.ACKNOWLEDGED), Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(Noise.reason(snoozed, QuietStatus.OFF, NOW, BERLIN)).isEqualTo("Snoozed until 08:00: silent");
  }
}
