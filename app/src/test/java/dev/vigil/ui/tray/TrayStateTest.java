package dev.vigil.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.ui.QuietStatus;
import dev.vigil.ui.Samples;
import dev.vigil.engine.WatchStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrayStateTest {
  static final Instant NOW = Samples.T0.plusSeconds(3600);
  static final Alert CRITICAL_FIRING = Samples.alert(1, "pay", Severity.CRITICAL, AlertState.FIRING);
  static final Alert WARNING_FIRING = Samples.alert(2, "disk", Severity.WARNING, AlertState.FIRING);
  static final Alert CRITICAL_ACKED = Samples.alert(3, "pay", Severity.CRITICAL, AlertState.ACKNOWLEDGED);
  static final Alert CRITICAL_SNOOZED = Samples.snoozed(CRITICAL_FIRING, NOW.plusSeconds(60));
  static final QuietStatus QUIET = QuietStatus.until(NOW.plusSeconds(3600));
  static final WatchStatus DOWN = WatchStatus.notWatching("network down");
  static final WatchStatus REFUSED_EDIT = WatchStatus.WATCHING.withReloadProblems(2);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("nothing open is all well", List.of(), QuietStatus.OFF, WatchStatus.WATCHING, TrayState.OK),
        Arguments.of("not watching beats everything", List.of(CRITICAL_FIRING), QUIET, DOWN, TrayState.OFFLINE),
        Arguments.of("a critical alert firing shows critical", List.of(WARNING_FIRING, CRITICAL_FIRING), QuietStatus.OFF, WatchStatus.WATCHING, TrayState.CRITICAL),
        Arguments.of("a critical alert shows even in quiet mode", List.of(CRITICAL_FIRING), QUIET, WatchStatus.WATCHING, TrayState.CRITICAL),
        Arguments.of("quiet mode hides warnings", List.of(WARNING_FIRING), QUIET, WatchStatus.WATCHING, TrayState.QUIET),
        Arguments.of("quiet mode with nothing open shows quiet", List.of(), QUIET, WatchStatus.WATCHING, TrayState.QUIET),
        Arguments.of("a refused rules edit shows warning", List.of(), QuietStatus.OFF, REFUSED_EDIT, TrayState.WARNING),
        Arguments.of("a refused rules edit shows even in quiet mode", List.of(CRITICAL_ACKED), QUIET, REFUSED_EDIT, TrayState.WARNING),
        Arguments.of("a critical alert beats a refused rules edit", List.of(CRITICAL_FIRING), QuietStatus.OFF, REFUSED_EDIT, TrayState.CRITICAL),
        Arguments.of("not watching beats a refused rules edit", List.of(), QuietStatus.OFF, DOWN.withReloadProblems(1), TrayState.OFFLINE),
        Arguments.of("a warning firing shows warning", List.of(WARNING_FIRING, CRITICAL_ACKED), QuietStatus.OFF, WatchStatus.WATCHING, TrayState.WARNING),
        Arguments.of("only acknowledged alerts show acknowledged", List.of(CRITICAL_ACKED), QuietStatus.OFF, WatchStatus.WATCHING, TrayState.ACKNOWLEDGED),
        Arguments.of("a snoozed critical alert does not blink", List.of(CRITICAL_SNOOZED), QuietStatus.OFF, WatchStatus.WATCHING, TrayState.ACKNOWLEDGED),
        Arguments.of("a lapsed snooze stays acknowledged until the engine reopens it", List.of(Samples.snoozed(CRITICAL_FIRING, NOW.minusSeconds(1)) ), QuietStatus.OFF, WatchStatus.WATCHING, TrayState.ACKNOWLEDGED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void iconStateFollowsAlertsQuietModeAndWatching(String intent, List<Alert> open, QuietStatus quiet, WatchStatus watch, TrayState expected) {
    assertThat(TrayState.of(open, quiet, watch, NOW)).isEqualTo(expected);
  }
}
