package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertChange;
import dev.vigil.alert.AlertChange.Kind;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoLinesTest {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final Instant FIRST = Instant.parse("2024-03-01T02:14:07Z");
  final Map<Long, String> last = new HashMap<>();

  static AlertChange change(Kind kind, String summary, Instant at, Instant resolvedAt, long count) {
    Alert a = new Alert(7, "fp", "partner-sms", Severity.CRITICAL, resolvedAt == null ? AlertState.FIRING : AlertState.RESOLVED,
        FIRST, at, resolvedAt, count, summary, Map.of(), null);
    return new AlertChange(kind, a, at);
  }

  @Test
  void aFiredAlertReadsAsTimeKindSeverityMonitorAndWhy() {
    assertThat(DemoLines.line(change(Kind.FIRED, "timeout: latency (1503ms) < 800ms", FIRST, null, 1), UTC, last))
        .isEqualTo("02:14:07 FIRED     critical partner-sms: timeout: latency (1503ms) < 800ms");
  }

  @Test
  void aRepeatIsShownOnlyWhenTheFailureChanged() {
    DemoLines.line(change(Kind.FIRED, "timeout: latency (1503ms) < 800ms", FIRST, null, 1), UTC, last);

    assertThat(DemoLines.line(change(Kind.REPEATED, "timeout: latency (1503ms) < 800ms", FIRST.plusSeconds(2), null, 2), UTC, last))
        .isNull();
    assertThat(DemoLines.line(change(Kind.REPEATED, "status: status (503) == 200", FIRST.plusSeconds(4), null, 3), UTC, last))
        .isEqualTo("02:14:11 REPEATED  critical partner-sms: now status: status (503) == 200");
  }

  @Test
  void aRepeatWhoseOnlyChangeIsTheLatencyIsNotShown() {
    DemoLines.line(change(Kind.FIRED, "timeout: latency (1503ms) < 800ms", FIRST, null, 1), UTC, last);

    assertThat(DemoLines.line(change(Kind.REPEATED, "timeout: latency (1498ms) < 800ms", FIRST.plusSeconds(2), null, 2), UTC, last))
        .isNull();
  }

  @Test
  void aResolvedAlertSaysHowLongItLastedAndHowManyChecksFailed() {
    Instant end = FIRST.plusSeconds(95);
    assertThat(DemoLines.line(change(Kind.RESOLVED, "recovered: ok", end, end, 40), UTC, last))
        .isEqualTo("02:15:42 RESOLVED  critical partner-sms after 1m35s (40 failed checks)");
  }
}
