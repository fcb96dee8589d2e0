package dev.vigil.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentMetricsTest {
  static final Instant T = Instant.parse("2026-11-25T01:00:00Z");

  static Alert alert(long id, Instant resolvedAt) {
    return new Alert(id, "fp" + id, "m", Severity.CRITICAL, resolvedAt == null ? AlertState.FIRING : AlertState.RESOLVED, T, T, resolvedAt, 1, "", Map.of(), null);
  }

  @Test
  void averagesTimeToAcknowledgeAndToResolveOverTheIncidentsThatHadThem() {
    List<Alert> alerts = List.of(alert(1, T.plusSeconds(600)), alert(2, T.plusSeconds(1800)), alert(3, null));
    Map<Long, Instant> acks = Map.of(1L, T.plusSeconds(120), 3L, T.plusSeconds(360));
    IncidentMetrics m = IncidentMetrics.of(alerts, acks);
    assertThat(m.mtta()).isEqualTo(Duration.ofMinutes(4));
    assertThat(m.mttr()).isEqualTo(Duration.ofMinutes(20));
    assertThat(m.words()).isEqualTo("MTTA 4 min (2 acknowledged), MTTR 20 min (2 resolved)");
  }

  @Test
  void saysNoneWhenNothingWasAcknowledgedOrResolved() {
    assertThat(IncidentMetrics.of(List.of(alert(1, null)), Map.of()).words()).isEqualTo("MTTA none, MTTR none");
  }

  @Test
  void sumsAddedPageByPageGiveTheSameMeansAsAllRowsAtOnce() {
    List<Alert> alerts = List.of(alert(1, T.plusSeconds(600)), alert(2, T.plusSeconds(1800)), alert(3, null), alert(4, T.plusSeconds(61)));
    Map<Long, Instant> acks = Map.of(1L, T.plusSeconds(120), 3L, T.plusSeconds(360), 4L, T.plusSeconds(7));
    IncidentMetrics.Sums paged = IncidentMetrics.Sums.NONE
        .plus(IncidentMetrics.Sums.of(alerts.subList(0, 1), acks))
        .plus(IncidentMetrics.Sums.of(alerts.subList(1, 3), acks))
        .plus(IncidentMetrics.Sums.of(alerts.subList(3, 4), acks));
    assertThat(paged.metrics()).isEqualTo(IncidentMetrics.of(alerts, acks));
    assertThat(IncidentMetrics.Sums.NONE.metrics().words()).isEqualTo("MTTA none, MTTR none");
  }
}
