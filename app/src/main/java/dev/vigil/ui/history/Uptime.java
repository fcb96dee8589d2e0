package dev.vigil.ui.history;

import dev.vigil.store.MinuteStat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A monitor's share of passing checks per day in the user's zone. */
public record Uptime(LocalDate day, int checks, int failures) {

  /** Percent of checks that passed, 0-100. */
  public double percent() {
    return checks == 0 ? 100.0 : 100.0 * (checks - failures) / checks;
  }

  public static List<Uptime> perDay(List<MinuteStat> stats, ZoneId zone) {
    Map<LocalDate, int[]> days = new TreeMap<>();
    for (MinuteStat s : stats) {
      int[] d = days.computeIfAbsent(s.minute().atZone(zone).toLocalDate(), k -> new int[2]);
      d[0] += s.checks();
      d[1] += s.failures();
    }
    List<Uptime> out = new ArrayList<>();
    days.forEach((day, d) -> out.add(new Uptime(day, d[0], d[1])));
    return out;
  }

  /** Average latency per bucket, at most {@code maxPoints} buckets, oldest first: [epochSecond, millis]. */
  public static List<double[]> latency(List<MinuteStat> stats, int maxPoints) {
    List<double[]> out = new ArrayList<>();
    if (stats.isEmpty()) return out;
    int per = Math.max(1, (stats.size() + maxPoints - 1) / maxPoints);
    for (int i = 0; i < stats.size(); i += per) {
      long checks = 0;
      long sum = 0;
      List<MinuteStat> bucket = stats.subList(i, Math.min(stats.size(), i + per));
      for (MinuteStat s : bucket) {
        checks += s.checks();
        sum += s.latencySumMillis();
      }
      if (checks > 0) out.add(new double[] {bucket.get(0).minute().getEpochSecond(), (double) sum / checks});
    }
    return out;
  }
}
