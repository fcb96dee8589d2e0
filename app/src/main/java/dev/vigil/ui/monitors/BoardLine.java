package dev.vigil.ui.monitors;

import dev.vigil.engine.MonitorRow;
import dev.vigil.ui.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the board as the person reads it: the monitor and each of its values in words. Made once per read of the
 * board, off the FX thread, so that scrolling thousands of rows only puts ready strings into cells.
 *
 * @param words the id, kind, state and result in lower case, for the filter
 * @param rank the state's place, worst first (see {@link MonitorsViewModel#rank})
 */
public record BoardLine(
    MonitorRow row,
    String lastCheck,
    String latency,
    String lastHour,
    String uptime24h,
    String uptime7d,
    String nextCheck,
    String words,
    int rank) {
  private static final String BARS = "▁▂▃▄▅▆▇█";

  /** @param now what "today" is: a time of today reads as "02:14:05", any other as "24 Nov 02:14" */
  public static BoardLine of(MonitorRow r, Instant now, ZoneId zone) {
    String result = r.lastResult() == null ? "" : r.lastResult();
    return new BoardLine(r, time(r.lastCheck(), now, zone), r.latencyMs() == null ? "" : r.latencyMs() + " ms",
        sparkline(r.lastHour()), percent(r.uptime24h()), percent(r.uptime7d()), time(r.nextCheck(), now, zone),
        (r.id() + " " + r.kind() + " " + r.state() + " " + result).toLowerCase(Locale.ROOT),
        MonitorsViewModel.rank(r.state()));
  }

  public String id() {
    return row.id();
  }

  public String state() {
    return row.state();
  }

  public String result() {
    return row.lastResult() == null ? "" : row.lastResult();
  }

  /** Whether every word typed (lower case) is in the id, kind, state or last result. */
  boolean matches(String[] typed) {
    for (String word : typed) if (!words.contains(word)) return false;
    return true;
  }

  /** How many bars the last hour has: one each four minutes (each bar is more than half an em wide). */
  public static final int BARS_AN_HOUR = 15;

  /**
   * The last hour's latency as a line of bars, one each four minutes (the average of its minutes with checks), scaled
   * from the hour's lowest to its highest, a space for four minutes without checks; empty without checks in the hour.
   */
  public static String sparkline(List<Long> minutes) {
    int span = 60 / BARS_AN_HOUR;
    List<Long> bars = new ArrayList<>(BARS_AN_HOUR);
    for (int i = 0; i < minutes.size(); i += span) {
      long sum = 0;
      int n = 0;
      for (int m = i; m < Math.min(i + span, minutes.size()); m++) {
        if (minutes.get(m) == null) continue;
        sum += minutes.get(m);
        n++;
      }
      bars.add(n == 0 ? null : sum / n);
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (Long v : bars) {
      if (v == null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi < lo) return "";
    StringBuilder out = new StringBuilder(bars.size());
    for (Long v : bars) {
      out.append(v == null ? ' ' : BARS.charAt(hi == lo ? 0 : (int) ((v - lo) * (BARS.length() - 1) / (hi - lo))));
    }
    return out.toString();
  }

  /**
   * "99.93 %", cut (not rounded) to two decimals so that a monitor that failed once never reads "100.00 %"; "100 %"
   * when every check passed; empty without checks.
   */
  public static String percent(Double share) {
    if (share == null) return "";
    if (share >= 1.0) return "100 %";
    long hundredths = (long) Math.floor(share * 10_000 + 1e-6);
    return String.format(Locale.ROOT, "%d.%02d %%", Math.min(hundredths, 9_999) / 100, Math.min(hundredths, 9_999) % 100);
  }

  private static String time(Instant at, Instant now, ZoneId zone) {
    return at == null ? "" : Times.clockSeconds(at, now, zone);
  }
}
