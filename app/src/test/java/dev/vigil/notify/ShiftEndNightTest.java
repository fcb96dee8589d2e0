package dev.vigil.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import dev.vigil.cli.VigilCommand;
import dev.vigil.config.Json;
import dev.vigil.policy.Level;
import dev.vigil.policy.OnCall;
import dev.vigil.policy.OncallSpec;
import dev.vigil.policy.Policy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A shift that ends at 03:00 (Berlin) while two unacknowledged alarms ring, on a virtual clock with a real SQLite file:
 * the ladder stops with one notice, unless {@code offShift} lets critical wake; back on call, a still-open alert wakes
 * once again.
 */
class ShiftEndNightTest extends NightScene {
  ShiftEndNightTest() {
    super(at("2026-03-30T02:30"));
  }

  @BeforeEach
  void setUp() {
    n = builder(Policy.defaults(BERLIN)).build();
  }

  /** On call from Monday 03:00 for 7 days, every {@code every}: the shift ends on Monday 30 March at 03:00. */
  void shifts(Duration every, Map<Severity, Level> offShift) {
    n.onCall(OnCall.rotation(new OncallSpec.Rotation(LocalDateTime.parse("2026-03-23T03:00"), Duration.ofDays(7), every),
        BERLIN, offShift));
  }

  static Alert alert(long id, String monitor, AlertState state) {
    Instant t = at("2026-03-30T02:57");
    return new Alert(id, "fp" + id, monitor, Severity.CRITICAL, state, t, t, null, 2, "status (503) == 200", Map.of(), null);
  }

  /** Fires db and api at 02:57, on call overnight: both on the ladder, the alarm rings. */
  void twoAlarmsRingAt0257() {
    runUntil(at("2026-03-30T02:57"));
    n.onChange(new AlertChange(Kind.FIRED, alert(1, "db", AlertState.FIRING), clock.instant()));
    n.onChange(new AlertChange(Kind.FIRED, alert(2, "api", AlertState.FIRING), clock.instant()));
    assertThat(alarm.sounding).isTrue();
    assertThat(n.ladder()).hasSize(2);
    desktop.clear();
  }

  /** What {@code vigil notifications --json} shows of the data folder: "channel outcome: reason" per decision. */
  List<String> notificationsCommand() throws Exception {
    CommandLine cli = VigilCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute("notifications", "--json", "--since", "2026-03-29", "--data", data.toString())).isZero();
    JsonNode rows = Json.MAPPER.readTree(out.toString());
    return StreamSupport.stream(rows.spliterator(), false)
        .map(r -> r.get("channel").asText() + " " + r.get("outcome").asText() + ": " + r.get("reason").asText()).toList();
  }

  @Test
  void theShiftEndingWhileTheAlarmRingsStopsItWithOneNoticeAndNoFurtherStep() throws Exception {
    shifts(Duration.ofDays(21), Map.of());
    twoAlarmsRingAt0257();

    runUntil(at("2026-03-30T03:30"));
    assertThat(alarm.sounding).as("the alarm stopped at the shift's end").isFalse();
    assertThat(alarm.starts).isEqualTo(1);
    assertThat(n.ladder()).as("no wake ladder off call").isEmpty();
    assertThat(desktop).singleElement().satisfies(m -> {
      assertThat(m.title()).isEqualTo("Your shift ended at 03:00");
      assertThat(m.body()).isEqualTo("Stopped the alarm; 2 still open: db, api (the next shift's now).");
      assertThat(m.urgent()).isFalse();
    });
    assertThat(reasons(1)).containsExactly(
        "ladder sent: critical overnight: wake ladder",
        "ladder sent: alarm: db still failing on a fresh check",
        "ladder suppressed: your shift ended at 03:00: critical does not wake off shift (offShift: notify); stopped the alarm"
            + " (still open, the next shift's now)");
    assertThat(reasons(2)).as("no phone at 03:02, no further contact at 03:12").noneMatch(r -> r.startsWith("phone")
        || r.startsWith("webhook"));
    assertThat(notificationsCommand()).containsOnlyOnce(
        "desktop sent: your shift ended at 03:00: stopped the alarm; 2 still open: db, api");
  }

  @Test
  void offShiftSayingCriticalWakesStopsNothing() {
    shifts(Duration.ofDays(21), Map.of(Severity.CRITICAL, Level.WAKE));
    twoAlarmsRingAt0257();

    runUntil(at("2026-03-30T03:30"));
    assertThat(alarm.sounding).as("critical wakes off shift too").isTrue();
    assertThat(n.ladder()).hasSize(2);
    assertThat(desktop).extracting(Message::title).doesNotContain("Your shift ended at 03:00");
    assertThat(reasons(1)).contains("phone suppressed: unacknowledged after 5m: no phone channel configured")
        .noneMatch(r -> r.contains("shift ended"));
  }

  @Test
  void backOnCallWithTheAlertStillOpenItWakesOnceAgain() {
    shifts(Duration.ofDays(8), Map.of()); // off call for one day: back on Tuesday 31 March at 03:00
    twoAlarmsRingAt0257();
    runUntil(at("2026-03-30T04:00"));
    assertThat(alarm.sounding).isFalse();
    n.onChange(new AlertChange(Kind.ACKNOWLEDGED, alert(2, "api", AlertState.ACKNOWLEDGED), clock.instant()));

    runUntil(at("2026-03-31T02:59"));
    assertThat(alarm.starts).as("nothing wakes off call").isEqualTo(1);
    runUntil(at("2026-03-31T03:30"));
    assertThat(alarm.starts).as("db still fires: it wakes again, once; api was acknowledged").isEqualTo(2);
    assertThat(alarm.sounding).isTrue();
    assertThat(n.ladder()).extracting(r -> r.alert().monitor()).containsExactly("db");
    assertThat(reasons(1)).containsOnlyOnce("ladder sent: on call again, still open: critical overnight: wake ladder");
    assertThat(reasons(2)).noneMatch(r -> r.contains("on call again"));
  }
}
