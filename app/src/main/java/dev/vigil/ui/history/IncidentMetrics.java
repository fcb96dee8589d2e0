package dev.vigil.ui.history;

import dev.vigil.config.Durations;
import dev.vigil.alert.Alert;
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
    return Sums.of(alerts, acknowledgedAt).metrics();
  }

  /**
   * Running sums behind the means, so a list read a page at a time adds each page's sums once instead of going
   * over every row again: {@code Sums.of(page, acks)} per page (off the FX thread), then {@link #plus} (O(1)).
   */
  public record Sums(long ackSeconds, int acknowledged, long resolveSeconds, int resolved) {
    public static final Sums NONE = new Sums(0, 0, 0, 0);

    /** The sums over {@code alerts}; {@code acknowledgedAt} holds the first acknowledgement of those that had one. */
    public static Sums of(List<Alert> alerts, Map<Long, Instant> acknowledgedAt) {
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
      return new Sums(ackSeconds, acks, resolveSeconds, resolves);
    }

    public Sums plus(Sums other) {
      return new Sums(ackSeconds + other.ackSeconds, acknowledged + other.acknowledged,
          resolveSeconds + other.resolveSeconds, resolved + other.resolved);
    }

    public IncidentMetrics metrics() {
      return new IncidentMetrics(acknowledged == 0 ? null : Duration.ofSeconds(ackSeconds / acknowledged), acknowledged,
          resolved == 0 ? null : Duration.ofSeconds(resolveSeconds / resolved), resolved);
    }
  }

  /** "MTTA 4 min (12 acknowledged), MTTR 37 min (15 resolved)". */
  public String words() {
    return "MTTA " + (mtta == null ? "none" : Durations.words(mtta) + " (" + acknowledged + " acknowledged)")
        + ", MTTR " + (mttr == null ? "none" : Durations.words(mttr) + " (" + resolved + " resolved)");
  }
}
