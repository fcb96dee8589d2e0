package dev.vigil.schedule;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late scheduled checks start against their slot: the scheduler's fire time minus the time the check was
 * due. One counter per millisecond up to {@link #RANGE_MILLIS}, so recording is one atomic add and never
 * allocates; later starts fall in the last bucket and still count for the maximum.
 */
public final class Lateness {
  static final int RANGE_MILLIS = 10_000;

  private final AtomicLongArray buckets = new AtomicLongArray(RANGE_MILLIS + 1);
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong max = new AtomicLong();

  void record(long lateMillis) {
    long late = Math.max(0, lateMillis);
    buckets.incrementAndGet((int) Math.min(late, RANGE_MILLIS));
    count.incrementAndGet();
    max.accumulateAndGet(late, Math::max);
  }

  /** Forgets what was recorded, e.g. after a warm-up. */
  public void reset() {
    for (int i = 0; i < buckets.length(); i++) buckets.set(i, 0);
    count.set(0);
    max.set(0);
  }

  public long count() {
    return count.get();
  }

  public long maxMillis() {
    return max.get();
  }

  /** How many checks started at most {@code millis} late. */
  public long countAtMost(long millis) {
    long n = 0;
    for (int i = 0; i <= Math.min(millis, RANGE_MILLIS - 1); i++) n += buckets.get(i);
    return n;
  }

  /** The lateness in milliseconds at or under which a share {@code q} (0..1) of the checks started. */
  public long percentileMillis(double q) {
    if (q < 0 || q > 1) throw new IllegalArgumentException("q must be in [0, 1]: " + q);
    long total = count.get();
    if (total == 0) return 0;
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < buckets.length(); i++) {
      seen += buckets.get(i);
      if (seen >= rank) return i == RANGE_MILLIS ? max.get() : i;
    }
    return max.get();
  }
}
