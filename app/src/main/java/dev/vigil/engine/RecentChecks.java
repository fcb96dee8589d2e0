package dev.vigil.engine;

import dev.vigil.store.MinuteStat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One monitor's last week of checks, kept in memory by the running board: checks and failures per hour for the
 * uptimes (24 h and 7 d, to the hour), and the average latency per minute of the last hour for the sparkline. Fed
 * once from the store's per-minute rows of the days before the board started, then by every check as it is
 * committed, so a board with thousands of monitors reads no history while it runs. Not thread-safe: the board
 * guards it.
 */
final class RecentChecks {
  static final int HOURS = 7 * 24;
  static final int MINUTES = 60;

  private final int[] hourOf = filled(HOURS);
  private final int[] hourChecks = new int[HOURS];
  private final int[] hourFailures = new int[HOURS];
  private final int[] minuteOf = filled(MINUTES);
  private final int[] minuteChecks = new int[MINUTES];
  private final int[] minuteLatency = new int[MINUTES];

  /** Counts {@code checks} checks at {@code at}, of which {@code failures} failed, taking {@code latencyMs} in all. */
  void add(Instant at, int checks, int failures, long latencyMs) {
    int minute = (int) Math.floorDiv(at.getEpochSecond(), 60);
    int hour = Math.floorDiv(minute, 60);
    int h = (int) Math.floorMod(hour, HOURS);
    if (hourOf[h] != hour) {
      hourOf[h] = hour;
      hourChecks[h] = 0;
      hourFailures[h] = 0;
    }
    hourChecks[h] += checks;
    hourFailures[h] += failures;
    int m = (int) Math.floorMod(minute, MINUTES);
    if (minuteOf[m] != minute) {
      minuteOf[m] = minute;
      minuteChecks[m] = 0;
      minuteLatency[m] = 0;
    }
    minuteChecks[m] += checks;
    minuteLatency[m] += (int) Math.min(latencyMs, Integer.MAX_VALUE - minuteLatency[m]);
  }

  void add(MinuteStat s) {
    add(s.minute(), s.checks(), s.failures(), s.latencySumMillis());
  }

  /** Adds {@code other}'s counts to these (the store's week before the board began, to the checks counted since). */
  RecentChecks plus(RecentChecks other) {
    for (int i = 0; i < HOURS; i++) {
      if (other.hourOf[i] == Integer.MIN_VALUE) continue;
      if (hourOf[i] != other.hourOf[i] && other.hourOf[i] < hourOf[i]) continue; // this holds a later hour there
      if (hourOf[i] != other.hourOf[i]) {
        hourOf[i] = other.hourOf[i];
        hourChecks[i] = 0;
        hourFailures[i] = 0;
      }
      hourChecks[i] += other.hourChecks[i];
      hourFailures[i] += other.hourFailures[i];
    }
    for (int i = 0; i < MINUTES; i++) {
      if (other.minuteOf[i] == Integer.MIN_VALUE) continue;
      if (minuteOf[i] != other.minuteOf[i] && other.minuteOf[i] < minuteOf[i]) continue;
      if (minuteOf[i] != other.minuteOf[i]) {
        minuteOf[i] = other.minuteOf[i];
        minuteChecks[i] = 0;
        minuteLatency[i] = 0;
      }
      minuteChecks[i] += other.minuteChecks[i];
      minuteLatency[i] += other.minuteLatency[i];
    }
    return this;
  }

  /** The share of checks that passed in the {@code hours} hours up to and including {@code now}'s, or null. */
  Double uptime(Instant now, int hours) {
    long current = Math.floorDiv(now.getEpochSecond(), 3600);
    long checks = 0;
    long failures = 0;
    for (int i = 0; i < HOURS; i++) {
      if (hourOf[i] > current - hours && hourOf[i] <= current) {
        checks += hourChecks[i];
        failures += hourFailures[i];
      }
    }
    return checks == 0 ? null : Math.round(10_000.0 * (checks - failures) / checks) / 10_000.0;
  }

  /** The average latency of each of the last 60 minutes, oldest first, null where nothing was checked. */
  List<Long> lastHour(Instant now) {
    long current = Math.floorDiv(now.getEpochSecond(), 60);
    List<Long> out = new ArrayList<>(MINUTES);
    boolean any = false;
    for (long minute = current - MINUTES + 1; minute <= current; minute++) {
      int m = (int) Math.floorMod(minute, MINUTES);
      boolean checked = minuteOf[m] == minute && minuteChecks[m] > 0;
      out.add(checked ? (long) minuteLatency[m] / minuteChecks[m] : null);
      any |= checked;
    }
    return any ? Collections.unmodifiableList(out) : List.of();
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, Integer.MIN_VALUE);
    return a;
  }
}
