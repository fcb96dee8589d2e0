package dev.vigil.ui.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps that turn the rows on screen into the next rows, keyed by alert id, worked out off the FX thread so a
 * publication costs the FX thread only the rows that changed.
 *
 * <p>Rows that keep their relative order stay where they are (the longest run of alerts whose order did not change);
 * every other alert that left, or moved, is removed, and every alert that arrived, or moved, is inserted. Rows that
 * stay but read differently are replaced in place. Steps are in the order to apply them: removals from the bottom
 * up, then inserts and replacements from the top down, each at its final position.
 */
final class RowDiff {
  /** One change to the list, in the list's positions at the time it is applied. */
  sealed interface Step {
    /** How many rows the step touches. */
    int size();
  }

  /** Removes the rows at [from, to). */
  record Remove(int from, int to) implements Step {
    public int size() {
      return to - from;
    }
  }

  /** Inserts {@code rows} at {@code at}. */
  record Insert(int at, List<AlertRow> rows) implements Step {
    public int size() {
      return rows.size();
    }
  }

  /** Replaces the rows from {@code at} with {@code rows}, as many as there are. */
  record Replace(int at, List<AlertRow> rows) implements Step {
    public int size() {
      return rows.size();
    }
  }

  private RowDiff() {}

  static List<Step> between(List<AlertRow> before, List<AlertRow> after) {
    Map<Long, Integer> where = new HashMap<>(after.size() * 2);
    for (int i = 0; i < after.size(); i++) where.put(after.get(i).id(), i);
    int[] target = new int[before.size()];
    for (int i = 0; i < before.size(); i++) target[i] = where.getOrDefault(before.get(i).id(), -1);
    boolean[] keptBefore = longestOrderedRun(target);
    boolean[] keptAfter = new boolean[after.size()];
    for (int i = 0; i < before.size(); i++) {
      if (keptBefore[i]) keptAfter[target[i]] = true;
    }
    List<Step> steps = new ArrayList<>();
    for (int end = before.size(); end > 0; ) {
      if (keptBefore[end - 1]) {
        end--;
        continue;
      }
      int from = end - 1;
      while (from > 0 && !keptBefore[from - 1]) from--;
      steps.add(new Remove(from, end));
      end = from;
    }
    Map<Long, AlertRow> old = new HashMap<>(before.size() * 2);
    for (AlertRow r : before) old.put(r.id(), r);
    for (int i = 0; i < after.size(); ) {
      boolean insert = !keptAfter[i];
      int j = i;
      while (j < after.size() && keptAfter[j] != insert && (insert || !after.get(j).sameAs(old.get(after.get(j).id())))) j++;
      if (j == i) {
        i++;
        continue;
      }
      List<AlertRow> run = List.copyOf(after.subList(i, j));
      steps.add(insert ? new Insert(i, run) : new Replace(i, run));
      i = j;
    }
    return steps;
  }

  /** Splits steps into batches of at most {@code budget} rows each (a step of no rows counts as one). */
  static List<List<Step>> batches(List<Step> steps, int budget) {
    return batches(steps, budget, 0, budget);
  }

  /**
   * The same, but the first {@code rampRows} rows go in batches of {@code rampBudget}: while the table fills its
   * first screen, each new row on screen is new cells to build and style, the costly part of a frame.
   */
  static List<List<Step>> batches(List<Step> steps, int budget, int rampRows, int rampBudget) {
    List<List<Step>> out = new ArrayList<>();
    List<Step> batch = new ArrayList<>();
    int used = 0;
    int done = 0;
    for (Step step : steps) {
      Step rest = step;
      while (rest != null) {
        int limit = done < rampRows ? rampBudget : budget;
        int room = Math.max(1, limit - used);
        Step now = rest.size() <= room ? rest : head(rest, room);
        rest = now == rest ? null : tail(rest, room);
        batch.add(now);
        used += Math.max(1, now.size());
        done += Math.max(1, now.size());
        if (used >= limit) {
          out.add(batch);
          batch = new ArrayList<>();
          used = 0;
        }
      }
    }
    if (!batch.isEmpty()) out.add(batch);
    return out;
  }

  /** The first {@code n} rows of a step. Removals go bottom up, so their first part is their last rows. */
  private static Step head(Step s, int n) {
    if (s instanceof Remove r) return new Remove(r.to() - n, r.to());
    if (s instanceof Insert a) return new Insert(a.at(), a.rows().subList(0, n));
    Replace p = (Replace) s;
    return new Replace(p.at(), p.rows().subList(0, n));
  }

  private static Step tail(Step s, int n) {
    if (s instanceof Remove r) return new Remove(r.from(), r.to() - n);
    if (s instanceof Insert a) return new Insert(a.at() + n, a.rows().subList(n, a.rows().size()));
    Replace p = (Replace) s;
    return new Replace(p.at() + n, p.rows().subList(n, p.rows().size()));
  }

  /**
   * Marks the longest strictly increasing subsequence of the non-negative values of {@code target} (patience
   * sorting, n log n): the rows that can stay while everything else moves around them.
   */
  static boolean[] longestOrderedRun(int[] target) {
    int n = target.length;
    int[] tailIndex = new int[n];
    int[] previous = new int[n];
    int length = 0;
    for (int i = 0; i < n; i++) {
      if (target[i] < 0) continue;
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (target[tailIndex[mid]] < target[i]) lo = mid + 1;
        else hi = mid;
      }
      previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
      tailIndex[lo] = i;
      if (lo == length) length++;
    }
    boolean[] kept = new boolean[n];
    for (int i = length > 0 ? tailIndex[length - 1] : -1; i >= 0; i = previous[i]) kept[i] = true;
    return kept;
  }
}
