package dev.vigil.ui.history;

import dev.vigil.alert.Alert;
import dev.vigil.ui.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mean time to acknowledge and to resolve over a set of incidents.
 *
 * @param mtta mean of (first acknowledgement - first seen), or null when none was acknowledged
 * @param mttr mean of (resolved - first seen), or null when none resolved
 */
public record IncidentMetrics(Duration mtta, int acknowledged, Duration mttr, int resolved) {

  /** {@code acknowledgedAt} holds the first acknowledgement of each alert that had one. */
  public static IncidentMetrics of(List<Alert> alerts, Map<Long, Instant> acknowledgedAt) {
    long ackSeconds = 0;
    int acks = 0;
    long resolveSeconds = 0;
    int resolves = 0;
    for (Alert a : alerts) {
      Instant ack = acknowledgedAt.get(a.id());
      if (ack != null) {
        ackSeconds += Math.max(0, Duration.between(a.firstSeen(), ack).getSeconds());
        acks++;
      }
      if (a.resolvedAt() != null) {
        resolveSeconds += Math.max(0, Duration.between(a.firstSeen(), a.resolvedAt()).getSeconds());
        resolves++;
      }
    }
    return new IncidentMetrics(acks == 0 ? null : Duration.ofSeconds(ackSeconds / acks), acks,
        resolves == 0 ? null : Duration.ofSeconds(resolveSeconds / resolves), resolves);
  }

  /** "MTTA 4 min (12 acknowledged), MTTR 37 min (15 resolved)". */
  public String words() {
    return "MTTA " + (mtta == null ? "none" : Times.duration(mtta) + " (" + acknowledged + " acknowledged)")
        + ", MTTR " + (mttr == null ? "none" : Times.duration(mttr) + " (" + resolved + " resolved)");
  }
}
