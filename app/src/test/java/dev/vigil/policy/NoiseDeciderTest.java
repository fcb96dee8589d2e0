package dev.vigil.policy;

import static dev.vigil.policy.Fixtures.alert;
import static dev.vigil.policy.Fixtures.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NoiseDeciderTest {
  static final String DAY = "2025-06-02T12:00";
  static final String NIGHT = "2025-06-02T23:30";
  static final Policy POLICY = Policy.defaults(Fixtures.BERLIN)
      .withQuietHours(OvernightWindow.every(new DailyWindow(LocalTime.of(12, 30), LocalTime.of(13, 0))));

  static final Silence DEPLOY = new Silence(3, Map.of("monitor", "payments-api"),
      berlin("2025-06-02T11:00"), berlin("2025-06-02T14:30"), "deploy", "ana");
  static final Silence NIGHT_DEPLOY = new Silence(4, Map.of("monitor", "payments-api"),
      berlin("2025-06-02T23:00"), berlin("2025-06-03T01:15"), "", "ana");
  static final Silence TEAM = new Silence(5, Map.of("team", "payments"),
      berlin("2025-06-02T11:00"), berlin("2025-06-02T14:30"), "team offsite", "ana");
  static final Silence OVER = new Silence(6, Map.of("monitor", "payments-api"),
      berlin("2025-06-02T09:00"), berlin("2025-06-02T10:00"), "old deploy", "ana");
  static final QuietMode QUIET_TILL_2 = new QuietMode(berlin("2025-06-02T14:00"), QuietMode.MANUAL);
  static final QuietMode QUIET_TILL_MORNING = new QuietMode(berlin("2025-06-03T08:00"), QuietMode.UNTIL_MORNING);
  static final QuietMode QUIET_OVER = new QuietMode(berlin("2025-06-02T11:00"), QuietMode.MANUAL);

  record Case(String intent, Kind kind, Alert alert, String at, Situation situation, Decision expected) {
    @Override
    public String toString() {
      return intent;
    }
  }

  static Alert critical() {
    return alert(7, "payments-api", Severity.CRITICAL);
  }

  static Situation quiet(QuietMode q) {
    return new Situation(q, List.of(), false);
  }

  static Situation silences(Silence... s) {
    return new Situation(null, List.of(s), false);
  }

  static Stream<Case> cases() {
    Situation calm = Situation.CALM;
    return Stream.of(
        new Case("a critical alert by day notifies with a chime", Kind.FIRED, critical(), DAY, calm,
            Decision.sent("desktop", Level.CHIME, "critical by day: notification and chime")),
        new Case("a warning by day notifies without sound", Kind.FIRED, alert(8, "search", Severity.WARNING), DAY, calm,
            Decision.sent("desktop", Level.NOTIFY, "warning by day: notification, no sound")),
        new Case("info by day only changes the tray", Kind.FIRED, alert(9, "docs", Severity.INFO), DAY, calm,
            Decision.sent("tray", Level.TRAY, "info by day: tray only")),
        new Case("a critical alert overnight starts the wake ladder", Kind.FIRED, critical(), NIGHT, calm,
            Decision.sent("ladder", Level.WAKE, "critical overnight: wake ladder")),
        new Case("a warning overnight is held for the morning digest", Kind.FIRED, alert(8, "search", Severity.WARNING), NIGHT, calm,
            Decision.suppressed("digest", Level.DIGEST, "warning overnight: held for the morning digest at 08:00")),
        new Case("info overnight is held for the morning digest", Kind.FIRED, alert(9, "docs", Severity.INFO), NIGHT, calm,
            Decision.suppressed("digest", Level.DIGEST, "info overnight: held for the morning digest at 08:00")),
        new Case("a snooze that ended overnight wakes again", Kind.SNOOZE_ENDED, critical(), NIGHT, calm,
            Decision.sent("ladder", Level.WAKE, "critical overnight: wake ladder")),
        new Case("quiet mode holds back a critical chime by day", Kind.FIRED, critical(), DAY, quiet(QUIET_TILL_2),
            Decision.suppressed("desktop", Level.CHIME, "quiet mode until 14:00")),
        new Case("quiet mode until morning holds back the wake ladder", Kind.FIRED, critical(), NIGHT, quiet(QUIET_TILL_MORNING),
            Decision.suppressed("ladder", Level.WAKE, "quiet mode until 08:00")),
        new Case("quiet mode until turned off says so", Kind.FIRED, alert(8, "search", Severity.WARNING), DAY, quiet(QuietMode.untilOff()),
            Decision.suppressed("desktop", Level.NOTIFY, "quiet mode until turned off")),
        new Case("a breakthrough monitor still wakes during quiet mode", Kind.FIRED, critical(), NIGHT,
            new Situation(QUIET_TILL_MORNING, List.of(), true),
            Decision.sent("ladder", Level.WAKE, "critical overnight: wake ladder (breakthrough: quiet mode until 08:00 ignored)")),
        new Case("quiet mode that ended no longer holds anything back", Kind.FIRED, critical(), DAY, quiet(QUIET_OVER),
            Decision.sent("desktop", Level.CHIME, "critical by day: notification and chime")),
        new Case("scheduled quiet hours hold back a chime", Kind.FIRED, critical(), "2025-06-02T12:40", calm,
            Decision.suppressed("desktop", Level.CHIME, "quiet mode until 13:00 (scheduled)")),
        new Case("info stays in the tray during quiet mode", Kind.FIRED, alert(9, "docs", Severity.INFO), DAY, quiet(QUIET_TILL_2),
            Decision.sent("tray", Level.TRAY, "info by day: tray only")),
        new Case("a silence on the monitor holds back its alert", Kind.FIRED, critical(), DAY, silences(DEPLOY),
            Decision.suppressed("desktop", Level.CHIME, "silenced by #3 (deploy) until 14:30")),
        new Case("a silence without comment says only its number", Kind.FIRED, critical(), NIGHT, silences(NIGHT_DEPLOY),
            Decision.suppressed("ladder", Level.WAKE, "silenced by #4 until 01:15")),
        new Case("a silence beats breakthrough", Kind.FIRED, critical(), NIGHT,
            new Situation(null, List.of(NIGHT_DEPLOY), true),
            Decision.suppressed("ladder", Level.WAKE, "silenced by #4 until 01:15")),
        new Case("a silence matches by label", Kind.FIRED,
            alert(7, "payments-db", Severity.CRITICAL, AlertState.FIRING, null, Map.of("team", "payments")), DAY, silences(TEAM),
            Decision.suppressed("desktop", Level.CHIME, "silenced by #5 (team offsite) until 14:30")),
        new Case("a silence for another monitor does not apply", Kind.FIRED, alert(8, "search", Severity.CRITICAL), DAY, silences(DEPLOY),
            Decision.sent("desktop", Level.CHIME, "critical by day: notification and chime")),
        new Case("an expired silence does not apply", Kind.FIRED, critical(), DAY, silences(OVER),
            Decision.sent("desktop", Level.CHIME, "critical by day: notification and chime")),
        new Case("an acknowledged alert makes no noise", Kind.FIRED,
            alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED, null, Map.of()), NIGHT, calm,
            Decision.suppressed("ladder", Level.WAKE, "acknowledged: no noise")),
        new Case("a snoozed alert makes no noise", Kind.FIRED,
            alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED, berlin("2025-06-03T09:00"), Map.of()), NIGHT, calm,
            Decision.suppressed("ladder", Level.WAKE, "snoozed until 09:00")),
        new Case("a firing alert snoozed until later makes no noise", Kind.FIRED,
            alert(7, "payments-api", Severity.CRITICAL, AlertState.FIRING, berlin("2025-06-02T13:00"), Map.of()), DAY, calm,
            Decision.suppressed("desktop", Level.CHIME, "snoozed until 13:00")),
        new Case("acknowledging is recorded as no noise", Kind.ACKNOWLEDGED, critical(), NIGHT, calm,
            Decision.suppressed("tray", Level.TRAY, "acknowledged: no noise")),
        new Case("snoozing says until when", Kind.SNOOZED,
            alert(7, "payments-api", Severity.CRITICAL, AlertState.ACKNOWLEDGED, berlin("2025-06-03T09:00"), Map.of()), NIGHT, calm,
            Decision.suppressed("tray", Level.TRAY, "snoozed until 09:00")),
        new Case("a resolution is shown in the tray", Kind.RESOLVED, critical(), NIGHT, calm,
            Decision.sent("tray", Level.TRAY, "resolved")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesWithAReason(Case c) {
    NoiseDecider decider = new NoiseDecider(POLICY);
    Decision d = decider.decide(new AlertChange(c.kind(), c.alert(), berlin(c.at())), c.situation());
    assertThat(d).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("behaviours")
  void thePolicyCanChangeWhatEachSeverityDoes(String intent, String yaml, Severity severity, String at, Level expected) throws Exception {
    var r = dev.vigil.rules.RulesLoader.readPolicy(
        java.nio.file.Path.of("policy.yaml").toAbsolutePath(), "timezone: " + Fixtures.BERLIN.getId() + "\n" + yaml, java.util.Map.of());
    assertThat(r.problems()).isEmpty();
    Decision d = new NoiseDecider(r.policy()).decide(new AlertChange(Kind.FIRED, alert(1, "m", severity), berlin(at)), Situation.CALM);
    assertThat(d.level()).isEqualTo(expected);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> behaviours() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("warnings can wake at night",
            "behaviour: {night: {warning: wake}}", Severity.WARNING, NIGHT, Level.WAKE),
        org.junit.jupiter.params.provider.Arguments.of("critical can be only a chime at night",
            "behaviour: {night: {critical: chime}}", Severity.CRITICAL, NIGHT, Level.CHIME),
        org.junit.jupiter.params.provider.Arguments.of("unchanged severities keep their defaults",
            "behaviour: {night: {warning: wake}}", Severity.CRITICAL, DAY, Level.CHIME),
        org.junit.jupiter.params.provider.Arguments.of("a later overnight window keeps the evening a day",
            "overnight: \"23:45-06:00\"", Severity.CRITICAL, NIGHT, Level.CHIME));
  }

  @org.junit.jupiter.api.Test
  void quietUntilMorningEndsWhenTheOvernightWindowCloses() {
    QuietMode q = QuietMode.untilMorning(berlin("2025-06-02T19:00"), POLICY.overnight(), POLICY.zone());
    assertThat(q.until()).isEqualTo(berlin("2025-06-03T08:00"));
    assertThat(QuietMode.forDuration(Duration.ofHours(1), berlin(DAY)).until()).isEqualTo(berlin("2025-06-02T13:00"));
  }
}
