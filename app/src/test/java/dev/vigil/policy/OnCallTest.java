package dev.vigil.policy;

import static dev.vigil.policy.Fixtures.BERLIN;
import static dev.vigil.policy.Fixtures.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertChange;
import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** On call one week in three, handing over on Monday at 09:00 Berlin time, across the spring DST change of 2026. */
class OnCallTest {
  static final OnCall ROTATION = OnCall.rotation(
      new OncallSpec.Rotation(LocalDateTime.parse("2026-03-16T09:00"), Duration.ofDays(7), Duration.ofDays(21)), BERLIN, Map.of());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                                        | local time         | status
      before the first shift: next is the start        | 2026-03-10T12:00   | off call, next shift Mon 09:00
      the first shift starts at 09:00                  | 2026-03-16T09:00   | on call until Mon 09:00
      the shift ends at 09:00 a week later             | 2026-03-23T09:00   | off call, next shift Mon 09:00
      after the DST change the hand-over stays 09:00   | 2026-04-06T08:59   | off call, next shift Mon 09:00
      the next shift, on summer time                   | 2026-04-06T09:00   | on call until Mon 09:00
      """)
  void rotation(String intent, String local, String status) {
    assertThat(OnCall.describe(ROTATION.at(berlin(local)), BERLIN)).as(intent).isEqualTo(status);
  }

  @Test
  void rotationTimesAreWallClockTimesInThePolicyZone() {
    OnCall.Status s = ROTATION.at(berlin("2026-03-30T12:00"));
    assertThat(s.onCall()).isFalse();
    assertThat(s.next()).isEqualTo(berlin("2026-04-06T09:00"));
    assertThat(s.next()).isEqualTo(Instant.parse("2026-04-06T07:00:00Z"));
    assertThat(ROTATION.at(berlin("2026-04-06T10:00")).until()).isEqualTo(Instant.parse("2026-04-13T07:00:00Z"));
    assertThat(s.source()).isEqualTo("rotation");
  }

  @Test
  void thePreviousShiftStartIsWhereAHandOffWithNoneRecordedCountsFrom() {
    assertThat(ROTATION.previousStart(berlin("2026-04-06T09:00"))).as("three weeks before, across the DST change: 09:00 still")
        .isEqualTo(berlin("2026-03-16T09:00"));
    assertThat(ROTATION.previousStart(berlin("2026-03-30T12:00"))).as("off call").isNull();
    OnCall cal = OnCall.calendar(List.of(new OnCall.Shift(berlin("2026-03-02T09:00"), berlin("2026-03-03T09:00")),
        new OnCall.Shift(berlin("2026-03-10T09:00"), berlin("2026-03-11T09:00"))), null, Map.of());
    assertThat(cal.previousStart(berlin("2026-03-10T09:00"))).isEqualTo(berlin("2026-03-02T09:00"));
    assertThat(cal.previousStart(berlin("2026-03-02T12:00"))).as("the first shift known").isNull();
    assertThat(OnCall.always().previousStart(berlin("2026-03-02T12:00"))).isNull();
  }

  @Test
  void aCalendarWithNoGoodCopyKeepsThePersonOnCallAndSaysWhy() {
    OnCall none = OnCall.calendar(null, "calendar https://cal.example/x.ics: HTTP 404; no good copy: treated as on call", Map.of());
    OnCall.Status s = none.at(berlin("2026-03-10T12:00"));
    assertThat(s).isEqualTo(new OnCall.Status(true, null, null, "calendar",
        "calendar https://cal.example/x.ics: HTTP 404; no good copy: treated as on call"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                                 | local time        | severity | decision
      on call overnight: the wake ladder        | 2026-03-17T03:00  | critical | ladder wake sent: critical overnight: wake ladder
      off call overnight: a notification only   | 2026-03-24T03:00  | critical | desktop notify sent: critical off call: notification, no sound
      off call by day: a warning in the tray    | 2026-03-24T12:00  | warning  | tray tray sent: warning off call: tray only
      """)
  void offCallTheOffShiftBehaviourApplies(String intent, String local, String severity, String decision) {
    NoiseDecider decider = new NoiseDecider(Policy.defaults(BERLIN));
    Instant at = berlin(local);
    Decision d = decider.decide(new AlertChange(AlertChange.Kind.FIRED, Fixtures.alert(1, "api", Severity.parse(severity).orElseThrow()), at),
        new Situation(null, List.of(), false, List.of(), ROTATION));
    assertThat(d).as(intent).hasToString(decision);
  }

  @Test
  void offShiftCanBeSetPerSeverity() {
    OnCall loud = OnCall.rotation(new OncallSpec.Rotation(LocalDateTime.parse("2026-03-16T09:00"), Duration.ofDays(7), Duration.ofDays(21)),
        BERLIN, Map.of(Severity.CRITICAL, Level.CHIME));
    assertThat(loud.offShift(Severity.CRITICAL)).isEqualTo(Level.CHIME);
    assertThat(loud.offShift(Severity.WARNING)).isEqualTo(Level.TRAY);
  }
}
