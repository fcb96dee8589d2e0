package dev.vigil.policy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Flapping as Nagios measures it: over the last 21 check results per monitor, each change of state counts
 * with a weight rising from 0.8 (oldest) to 1.2 (newest); the weighted sum over the 20 possible changes is the
 * percent state change. A monitor starts flapping at or above {@code high} (50 %) and stops below {@code low}
 * (25 %).
 *
 * <p>Flapping is also read from fire/resolve cycles, which the percent misses when a service is down and up for a
 * few checks each (8 s down, 8 s up at a 2 s interval reads 25 %): {@link #REOPENS} reopens of its alert within the
 * window ({@code reopenWithin}) start it, and it stops only once the last {@link #WINDOW} results agree. Not
 * thread-safe; no I/O.
 */
public final class FlapDetector {
  public static final int WINDOW = 21;
  /** Reopens within the window that make a monitor flapping. */
  public static final int REOPENS = 3;

  /** STEADY and FLAPPING say where it is; STARTED and STOPPED say it just changed (tell the person once). */
  public enum Status { STEADY, STARTED, FLAPPING, STOPPED }

  /** @param up the result just observed, which is the final state to report when flapping stops */
  public record Flap(Status status, double percent, boolean up) {
    public boolean isFlapping() {
      return status == Status.STARTED || status == Status.FLAPPING;
    }
  }

  private final double low;
  private final double high;
  private final Map<String, Deque<Boolean>> history = new HashMap<>();
  private final Map<String, Boolean> flapping = new HashMap<>();
  /** Monitors flapping by their fire/resolve cycles: they settle only on a window of one state. */
  private final Map<String, Boolean> byCycles = new HashMap<>();
  private final Map<String, Deque<java.time.Instant>> reopens = new HashMap<>();

  public FlapDetector() {
    this(25, 50);
  }

  public FlapDetector(double lowPercent, double highPercent) {
    if (lowPercent > highPercent) throw new IllegalArgumentException("low > high");
    this.low = lowPercent;
    this.high = highPercent;
  }

  public Flap observe(String monitor, boolean up) {
    Deque<Boolean> h = history.computeIfAbsent(monitor, m -> new ArrayDeque<>());
    h.addLast(up);
    while (h.size() > WINDOW) h.removeFirst();
    double percent = percentStateChange(h.toArray(new Boolean[0]));
    boolean was = flapping.getOrDefault(monitor, false);
    if (!was && percent >= high) {
      flapping.put(monitor, true);
      return new Flap(Status.STARTED, percent, up);
    }
    boolean settled = !byCycles.getOrDefault(monitor, false) || (h.size() == WINDOW && percent == 0);
    if (was && percent < low && settled) {
      flapping.put(monitor, false);
      byCycles.remove(monitor);
      reopens.remove(monitor);
      return new Flap(Status.STOPPED, percent, up);
    }
    return new Flap(was ? Status.FLAPPING : Status.STEADY, percent, up);
  }

  /**
   * The monitor's alert reopened at {@code at}: STARTED when this makes {@link #REOPENS} reopens within
   * {@code window}, the percent being the share of the last results that changed state.
   */
  public Flap reopened(String monitor, java.time.Instant at, java.time.Duration window) {
    Deque<java.time.Instant> times = reopens.computeIfAbsent(monitor, m -> new ArrayDeque<>());
    times.addLast(at);
    while (!times.isEmpty() && times.peekFirst().isBefore(at.minus(window))) times.removeFirst();
    Deque<Boolean> h = history.getOrDefault(monitor, new ArrayDeque<>());
    double percent = percentStateChange(h.toArray(new Boolean[0]));
    if (flapping.getOrDefault(monitor, false)) return new Flap(Status.FLAPPING, percent, false);
    if (times.size() < REOPENS) return new Flap(Status.STEADY, percent, false);
    flapping.put(monitor, true);
    byCycles.put(monitor, true);
    return new Flap(Status.STARTED, percent, false);
  }

  /** How many reopens of the monitor's alert fell within the window when it last reopened. */
  public int reopens(String monitor) {
    Deque<java.time.Instant> times = reopens.get(monitor);
    return times == null ? 0 : times.size();
  }

  public boolean isFlapping(String monitor) {
    return flapping.getOrDefault(monitor, false);
  }

  /** The weighted percent state change of up to 21 results, oldest first. */
  static double percentStateChange(Boolean[] results) {
    double changes = 0;
    int transitions = WINDOW - 1;
    int offset = transitions - (results.length - 1); // a short history counts as the newest transitions
    for (int i = 1; i < results.length; i++) {
      if (!results[i].equals(results[i - 1])) {
        int x = offset + i - 1; // 0 = oldest transition of a full window, 19 = newest
        changes += 0.8 + x * (0.4 / (transitions - 1));
      }
    }
    return changes * 100.0 / transitions;
  }
}
