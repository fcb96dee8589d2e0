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
 */
public record BoardLine(
    MonitorRow row,
    String lastCheck,
    String latency,
    String lastHour,
    String uptime24h,
    String uptime7d,
    String nextCheck,
    String words) {
  private static final String BARS = "▁▂▃▄▅▆▇█";

  /** @param now what "today" is: a time of today reads as "02:14:05", any other as "24 Nov 02:14" */
  public static BoardLine of(MonitorRow r, Instant now, ZoneId zone) {
    String result = r.lastResult() == null ? "" : r.lastResult();
    return new BoardLine(r, time(r.lastCheck(), now, zone), r.latencyMs() == null ? "" : r.latencyMs() + " ms",
        sparkline(r.lastHour()), percent(r.uptime24h()), percent(r.uptime7d()), time(r.nextCheck(), now, zone),
        (r.id() + " " + r.kind() + " " + r.state() + " " + result).toLowerCase(Locale.ROOT));
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

  /**
   * The last hour's latency as a line of bars, one each two minutes (their average), scaled from the hour's lowest to
   * its highest, a space for two minutes without checks; empty without checks in the hour.
   */
  public static String sparkline(List<Long> minutes) {
    List<Long> pairs = new ArrayList<>(minutes.size() / 2 + 1);
    for (int i = 0; i < minutes.size(); i += 2) {
      Long a = minutes.get(i);
      Long b = i + 1 < minutes.size() ? minutes.get(i + 1) : null;
      pairs.add(a == null ? b : b == null ? a : Long.valueOf((a + b) / 2)); // boxed: a null must not unbox
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (Long v : pairs) {
      if (v == null) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi < lo) return "";
    StringBuilder out = new StringBuilder(pairs.size());
    for (Long v : pairs) {
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
