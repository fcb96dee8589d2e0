package dev.vigil.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertState;
import dev.vigil.ui.DeskSnapshot;
import dev.vigil.ui.QuietStatus;
import dev.vigil.ui.Samples;
import dev.vigil.engine.WatchStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrayTooltipTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = Instant.parse("2026-11-25T01:30:00Z");

  @Test
  void countsFiringAndAcknowledgedAndSaysWhenQuietEnds() {
    var s = new DeskSnapshot(List.of(Samples.alert(1, AlertState.FIRING), Samples.alert(2, AlertState.FIRING), Samples.alert(3, AlertState.ACKNOWLEDGED)),
        QuietStatus.until(Instant.parse("2026-11-25T06:00:00Z")), WatchStatus.WATCHING, NOW);
    assertThat(TrayTooltip.of(s, BERLIN)).isEqualTo("2 firing, 1 acknowledged, quiet until 07:00");
  }

  @Test
  void saysWhichAcknowledgedAlertsAreFlapping() {
    var a = Samples.alert(3, AlertState.ACKNOWLEDGED);
    var flapping = new dev.vigil.alert.Alert(a.id(), a.fingerprint(), a.monitor(), a.severity(), a.state(), a.firstSeen(),
        a.lastSeen(), null, 9, a.summary(), a.labels(), null, 7, NOW);
    var s = new DeskSnapshot(List.of(flapping, Samples.alert(4, AlertState.ACKNOWLEDGED)), QuietStatus.OFF, WatchStatus.WATCHING, NOW);
    assertThat(TrayTooltip.of(s, BERLIN)).isEqualTo("2 acknowledged (1 flapping)");
    assertThat(TrayState.of(s.open(), QuietStatus.OFF, WatchStatus.WATCHING, NOW)).isEqualTo(TrayState.ACKNOWLEDGED);
  }

  @Test
  void saysAllWellWhenNothingIsOpen() {
    assertThat(TrayTooltip.of(DeskSnapshot.empty(NOW), BERLIN)).isEqualTo("All well");
  }

  @Test
  void saysWhyItIsNotWatchingFirst() {
    var s = new DeskSnapshot(List.of(Samples.alert(1, AlertState.FIRING)), QuietStatus.OFF, WatchStatus.notWatching("network down"), NOW);
    assertThat(TrayTooltip.of(s, BERLIN)).isEqualTo("Not watching: network down, 1 firing");
  }

  @Test
  void saysARefusedRulesEditBeforeTheAlertsAndWhereToLook() {
    var s = new DeskSnapshot(List.of(Samples.alert(1, AlertState.FIRING)), QuietStatus.OFF, WatchStatus.WATCHING.withReloadProblems(1), NOW);
    assertThat(TrayTooltip.of(s, BERLIN)).isEqualTo("rules not reloaded: 1 problem, see `vigil status`, 1 firing");
  }

  @Test
  void saysWhenTheShiftEndsOrTheNextOneStarts() {
    var rotation = dev.vigil.policy.OnCall.rotation(new dev.vigil.policy.OncallSpec.Rotation(
        java.time.LocalDateTime.parse("2026-11-23T09:00"), java.time.Duration.ofDays(7), java.time.Duration.ofDays(21)), BERLIN, java.util.Map.of());
    var noise = new dev.vigil.ui.NoiseRules(dev.vigil.policy.Policy.defaults(BERLIN), null, List.of(), java.util.Set.of(), List.of(), rotation);
    var onCall = new DeskSnapshot(List.of(Samples.alert(1, AlertState.FIRING)), QuietStatus.OFF, WatchStatus.WATCHING, noise, NOW);
    assertThat(TrayTooltip.of(onCall, BERLIN)).isEqualTo("1 firing, on call until Mon 09:00");
    var offCall = new DeskSnapshot(List.of(), QuietStatus.OFF, WatchStatus.WATCHING, noise, Instant.parse("2026-12-01T12:00:00Z"));
    assertThat(TrayTooltip.of(offCall, BERLIN)).isEqualTo("All well, off call, next shift Mon 09:00");
  }
}
