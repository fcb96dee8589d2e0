package dev.vigil.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.state.MonitorTracker.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Confirm and recover, as a table: checks written F (failed) and P (passed), and the transition after each. */
class MonitorTrackerTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("one failure is not an alert with confirm 2", 2, 2, "F", "NONE"),
        Arguments.of("two failures in a row fire with confirm 2", 2, 2, "FF", "NONE FIRE"),
        Arguments.of("a pass between failures starts the count again", 2, 2, "FPF", "NONE NONE NONE"),
        Arguments.of("further failures fold into the open alert", 2, 2, "FFFF", "NONE FIRE REPEAT REPEAT"),
        Arguments.of("one pass does not resolve with recover 2", 2, 2, "FFP", "NONE FIRE NONE"),
        Arguments.of("two passes in a row resolve", 2, 2, "FFPP", "NONE FIRE NONE RECOVER"),
        Arguments.of("a failure between passes keeps it firing", 2, 2, "FFPFPP", "NONE FIRE NONE REPEAT NONE RECOVER"),
        Arguments.of("confirm 1 fires at the first failure and recover 1 resolves at the first pass", 1, 1, "FPF",
            "FIRE RECOVER FIRE"),
        Arguments.of("after a recovery it confirms afresh", 2, 1, "FFPFF", "NONE FIRE RECOVER NONE FIRE"),
        Arguments.of("passing checks of a healthy monitor change nothing", 3, 3, "PPP", "NONE NONE NONE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void confirmsAndRecovers(String intent, int confirm, int recover, String checks, String expected) {
    MonitorTracker t = new MonitorTracker(confirm, recover, Duration.ofSeconds(30), false);
    List<String> seen = new ArrayList<>();
    for (char c : checks.toCharArray()) seen.add(t.observe(c == 'P').transition().name());
    assertThat(String.join(" ", seen)).isEqualTo(expected);
  }

  @Test
  void anUnconfirmedFailureAsksForAQuickRecheckNoLongerThanTheInterval() {
    assertThat(new MonitorTracker(2, 2, Duration.ofSeconds(30), false).observe(false).recheckAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(new MonitorTracker(2, 2, Duration.ofMillis(500), false).observe(false).recheckAfter()).isEqualTo(Duration.ofMillis(500));
    MonitorTracker firing = new MonitorTracker(1, 1, Duration.ofSeconds(30), false);
    firing.observe(false);
    assertThat(firing.observe(false).recheckAfter()).as("a firing monitor keeps its interval").isNull();
  }

  @Test
  void upAndDownAreReportedOnlyWhenTheyChange() {
    MonitorTracker t = new MonitorTracker(2, 2, Duration.ofSeconds(30), false);
    assertThat(t.observe(true).wentUp()).as("first known state").isTrue();
    assertThat(t.observe(true).wentUp()).isNull();
    assertThat(t.observe(false).wentUp()).as("not down before it is confirmed").isNull();
    assertThat(t.observe(false).wentUp()).isFalse();
    assertThat(t.observe(false).wentUp()).isNull();
  }

  @Test
  void aMonitorStillFiringAfterARestartFoldsAndResolvesWithoutConfirmingAgain() {
    MonitorTracker t = new MonitorTracker(3, 2, Duration.ofSeconds(30), true);
    assertThat(t.observe(false).transition()).isEqualTo(Transition.REPEAT);
    t.observe(true);
    assertThat(t.observe(true).transition()).isEqualTo(Transition.RECOVER);
  }

  @Test
  void anAlertResolvedByHandWhileStillFailingIsConfirmedAgainBeforeItFiresAnew() {
    MonitorTracker t = new MonitorTracker(2, 2, Duration.ofSeconds(30), false);
    t.observe(false);
    assertThat(t.observe(false).transition()).isEqualTo(Transition.FIRE);
    t.alertClosedElsewhere();
    assertThat(t.observe(false).transition()).isEqualTo(Transition.NONE);
    assertThat(t.observe(false).transition()).isEqualTo(Transition.FIRE);
  }
}
