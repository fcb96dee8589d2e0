package dev.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
  static final AlertJson BERLIN = new AlertJson(ZoneId.of("Europe/Berlin"));

  @Test
  void anOpenAlertHasEveryFieldWithTimesInTheUsersZoneAndANullResolvedAt() {
    Alert alert = new Alert(7, "fp", "payments-api", Severity.CRITICAL, AlertState.FIRING,
        Instant.parse("2026-03-29T00:59:59.900Z"), Instant.parse("2026-03-29T01:00:30Z"), null, 3,
        "status (503) == 200", Map.of("team", "payments", "env", "prod"), null);

    assertThat(BERLIN.write(alert).toString()).isEqualTo(
        "{\"id\":7,\"monitor\":\"payments-api\",\"severity\":\"critical\",\"state\":\"firing\","
            + "\"firstSeen\":\"2026-03-29T01:59:59+01:00\",\"lastSeen\":\"2026-03-29T03:00:30+02:00\",\"resolvedAt\":null,"
            + "\"count\":3,\"reopens\":0,\"summary\":\"status (503) == 200\",\"labels\":{\"env\":\"prod\",\"team\":\"payments\"},\"heldBy\":null}");
  }

  @Test
  void aSnoozedAlertAlsoHasSnoozedUntil() {
    Alert alert = new Alert(8, "fp", "search", Severity.INFO, AlertState.ACKNOWLEDGED,
        Instant.parse("2026-07-01T10:00:00Z"), Instant.parse("2026-07-01T10:00:00Z"), null, 1, "", Map.of(),
        Instant.parse("2026-07-01T12:00:00Z"));

    assertThat(BERLIN.write(alert).get("snoozedUntil").asText()).isEqualTo("2026-07-01T14:00:00+02:00");
    assertThat(BERLIN.write(alert).get("labels").isEmpty()).isTrue();
  }

  @Test
  void aResolvedAlertHasResolvedAt() {
    Alert alert = new Alert(9, "fp", "search", Severity.WARNING, AlertState.RESOLVED,
        Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T00:59:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
        1, "", Map.of(), null);

    assertThat(BERLIN.write(alert).get("resolvedAt").asText()).isEqualTo("2026-10-25T02:00:00+01:00");
    assertThat(BERLIN.write(alert).get("state").asText()).isEqualTo("resolved");
    assertThat(BERLIN.write(alert).has("snoozedUntil")).isFalse();
  }
}
