package dev.vigil.policy;

import static dev.vigil.policy.Fixtures.BERLIN;
import static dev.vigil.policy.Fixtures.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.config.Location;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Maintenance windows in Europe/Berlin over both DST changes of 2026 (29 March and 25 October). */
class MaintenanceWindowTest {
  static final Location HERE = new Location(Path.of("maintenance.yaml"), 1, 1);
  static final MaintenanceWindow WEEKLY = new MaintenanceWindow(new MaintenanceRule("db-backup", Map.of("monitor", "core-db"),
      new MaintenanceRule.Weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 0), LocalTime.of(4, 0)), null, null, HERE));
  static final MaintenanceWindow CRON = new MaintenanceWindow(new MaintenanceRule("patch", Map.of("team", "payments"),
      null, "30 1 * * 0", Duration.ofHours(2), HERE));
  static final MaintenanceWindow OVER_MIDNIGHT = new MaintenanceWindow(new MaintenanceRule("reindex", Map.of("monitor", "search"),
      new MaintenanceRule.Weekly(DayOfWeek.SATURDAY, LocalTime.of(23, 0), LocalTime.of(1, 0)), null, null, HERE));

  static String in(MaintenanceWindow w, String local) {
    return w.at(berlin(local), BERLIN).map(o -> span(o)).orElse("-");
  }

  static String span(MaintenanceWindow.Occurrence o) {
    return o.starts().atZone(BERLIN).toLocalDateTime() + "/" + o.ends().atZone(BERLIN).toLocalDateTime()
        + " " + Duration.between(o.starts(), o.ends());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                                           | local time          | window
      an ordinary Sunday, inside                          | 2026-03-22T03:59    | 2026-03-22T02:00/2026-03-22T04:00 PT2H
      an ordinary Sunday, at the end: out                 | 2026-03-22T04:00    | -
      an ordinary Sunday, before the start                | 2026-03-22T01:59    | -
      a Monday                                            | 2026-03-23T03:00    | -
      clocks go forward at 02:00: the window is 03:00-04:00 | 2026-03-29T03:30  | 2026-03-29T03:00/2026-03-29T04:00 PT1H
      clocks go back at 03:00: first 02:00 to 04:00, 3 h  | 2026-10-25T03:30    | 2026-10-25T02:00/2026-10-25T04:00 PT3H
      """)
  void weeklyWindows(String intent, String local, String window) {
    assertThat(in(WEEKLY, local)).as(intent).isEqualTo(window);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                                         | local time          | window
      cron start with for: inside                       | 2026-03-22T03:00    | 2026-03-22T01:30/2026-03-22T03:30 PT2H
      cron: two hours of real time over the spring gap  | 2026-03-29T04:00    | 2026-03-29T01:30/2026-03-29T04:30 PT2H
      cron: after its two hours                         | 2026-03-29T04:30    | -
      window past midnight: on Sunday morning           | 2026-03-22T00:30    | -
      """)
  void cronWindows(String intent, String local, String window) {
    assertThat(in(CRON, local)).as(intent).isEqualTo(window);
  }

  @Test
  void aWindowPastMidnightCoversTheSmallHoursOfTheNextDay() {
    assertThat(in(OVER_MIDNIGHT, "2026-03-22T00:30")).isEqualTo("2026-03-21T23:00/2026-03-22T01:00 PT2H");
    assertThat(in(OVER_MIDNIGHT, "2026-03-21T22:59")).isEqualTo("-");
  }

  @Test
  void theNextWindowIsTheComingOneAcrossTheDstWeek() {
    assertThat(WEEKLY.next(berlin("2026-03-25T12:00"), BERLIN).map(MaintenanceWindowTest::span))
        .hasValue("2026-03-29T03:00/2026-03-29T04:00 PT1H");
    assertThat(WEEKLY.next(berlin("2026-03-29T03:30"), BERLIN).map(MaintenanceWindowTest::span))
        .hasValue("2026-04-05T02:00/2026-04-05T04:00 PT2H");
  }

  @Test
  void aMatchingAlertIsRecordedButMakesNoNoiseAndTheReasonSaysUntilWhen() {
    NoiseDecider decider = new NoiseDecider(Policy.defaults(BERLIN));
    Instant at = berlin("2026-03-29T03:10");
    Situation s = new Situation(null, List.of(), false, List.of(WEEKLY, CRON), null);
    Decision held = decider.decide(new AlertChange(AlertChange.Kind.FIRED,
        Fixtures.alert(1, "core-db", Severity.CRITICAL), at), s);
    assertThat(held).hasToString("ladder wake suppressed: in maintenance until 04:00 (db-backup)");
    Decision other = decider.decide(new AlertChange(AlertChange.Kind.FIRED,
        Fixtures.alert(2, "search", Severity.CRITICAL), at), s);
    assertThat(other).hasToString("ladder wake sent: critical overnight: wake ladder");
    Decision byLabel = decider.decide(new AlertChange(AlertChange.Kind.FIRED,
        Fixtures.alert(3, "pay-api", Severity.CRITICAL, AlertState.FIRING, null, Map.of("team", "payments")), at), s);
    assertThat(byLabel).hasToString("ladder wake suppressed: in maintenance until 04:30 (patch)");
  }
}
