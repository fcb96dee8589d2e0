package dev.vigil.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentExportTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant FIRST = Instant.parse("2026-11-25T01:14:00Z");
  static final Alert RESOLVED = new Alert(42, "fp", "payments-api", Severity.CRITICAL, AlertState.RESOLVED, FIRST,
      FIRST.plusSeconds(1200), FIRST.plusSeconds(2220), 12, "status: status (503) == 200", Map.of(), null);
  static final Alert FIRING = new Alert(43, "fp2", "search", Severity.WARNING, AlertState.FIRING, FIRST.plusSeconds(60),
      FIRST.plusSeconds(120), null, 1, "body contains \"UP\", got \"DOWN\"", Map.of(), null);

  @Test
  void csvHasOneQuotedRowPerAlertWithTimesInTheUsersZone() {
    assertThat(IncidentExport.csv(List.of(RESOLVED, FIRING), BERLIN)).isEqualTo(
        "id,monitor,severity,state,first_seen,last_seen,resolved_at,count,summary\r\n"
            + "42,payments-api,critical,resolved,2026-11-25T02:14:00+01:00,2026-11-25T02:34:00+01:00,2026-11-25T02:51:00+01:00,12,status: status (503) == 200\r\n"
            + "43,search,warning,firing,2026-11-25T02:15:00+01:00,2026-11-25T02:16:00+01:00,,1,\"body contains \"\"UP\"\", got \"\"DOWN\"\"\"\r\n");
  }

  @Test
  void markdownReportStatesTheFactsAndTheTimeline() {
    List<AlertEvent> timeline = List.of(
        new AlertEvent(42, FIRST, "fired", "status: status (503) == 200", "engine"),
        new AlertEvent(42, FIRST.plusSeconds(30), "notified", "sound: overnight | critical", "engine"),
        new AlertEvent(42, FIRST.plusSeconds(240), "acknowledged", "on it", "desktop"),
        new AlertEvent(42, FIRST.plusSeconds(2220), "resolved", null, "engine"));
    assertThat(IncidentExport.markdown(RESOLVED, timeline, BERLIN)).isEqualTo("""
        # Incident 42: payments-api

        - Severity: critical
        - State: resolved
        - First seen: 2026-11-25 02:14 (Europe/Berlin)
        - Resolved: 2026-11-25 02:51 after 37 min
        - Failures: 12
        - Last failure: status: status (503) == 200

        ## Timeline

        | Time | What | Who | Note |
        |---|---|---|---|
        | 2026-11-25 02:14 | fired | engine | status: status (503) == 200 |
        | 2026-11-25 02:14 | notified | engine | sound: overnight \\| critical |
        | 2026-11-25 02:18 | acknowledged | desktop | on it |
        | 2026-11-25 02:51 | resolved | engine |  |
        """);
  }
}
