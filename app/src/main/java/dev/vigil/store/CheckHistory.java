package dev.vigil.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The check_minutes and state_changes tables, and how long they are kept. Resolved alerts are kept for good. */
final class CheckHistory {
  static final Duration CHECK_MINUTES_KEPT = Duration.ofDays(30);
  static final Duration STATE_CHANGES_KEPT = Duration.ofDays(400);

  private static final long MINUTE_MILLIS = 60_000;
  private static final String MONITOR_ID = "(SELECT id FROM monitors WHERE name = ?)";
  private static final String ADD_MONITOR = "INSERT INTO monitors (name) VALUES (?) ON CONFLICT (name) DO NOTHING";
  private static final String FIND_MONITOR = "SELECT id FROM monitors WHERE name = ?";
  private static final String RECORD_CHECK =
      "INSERT INTO check_minutes (monitor_id, minute, checks, failures, latency_sum_ms, latency_max_ms)"
          + " VALUES (?, ?, 1, ?, ?, ?)"
          + " ON CONFLICT (monitor_id, minute) DO UPDATE SET checks = checks + 1, failures = failures + excluded.failures,"
          + " latency_sum_ms = latency_sum_ms + excluded.latency_sum_ms,"
          + " latency_max_ms = max(latency_max_ms, excluded.latency_max_ms)";
  private static final String CHECK_STATS =
      "SELECT minute, checks, failures, latency_sum_ms, latency_max_ms FROM check_minutes"
          + " WHERE monitor_id = " + MONITOR_ID + " AND minute >= ? AND minute < ? ORDER BY minute";
  private static final String CHECK_HOURS =
      "SELECT minute / 60 * 60 AS minute, sum(checks) AS checks, sum(failures) AS failures,"
          + " sum(latency_sum_ms) AS latency_sum_ms, max(latency_max_ms) AS latency_max_ms FROM check_minutes"
          + " WHERE monitor_id = " + MONITOR_ID + " AND minute >= ? AND minute < ? GROUP BY minute / 60 ORDER BY 1";
  private static final String RECORD_STATE_CHANGE = "INSERT INTO state_changes (monitor, time, up, summary) VALUES (?, ?, ?, ?)";
  private static final String STATE_CHANGES =
      "SELECT monitor, time, up, summary FROM state_changes WHERE monitor = ? AND time >= ? AND time < ? ORDER BY time";
  private static final String DELETE_OLD_CHECK_MINUTES = "DELETE FROM check_minutes WHERE minute < ?";
  private static final String DELETE_OLD_STATE_CHANGES = "DELETE FROM state_changes WHERE time < ?";

  private final Database db;
  /** Monitor ids known to be committed (the store's, kept across transactions), or empty for reads. */
  private final Map<String, Long> committedIds;
  /** Monitor ids looked up or added in this transaction: committed ids once it commits. */
  private final Map<String, Long> newIds = new HashMap<>();

  CheckHistory(Database db) {
    this(db, Map.of());
  }

  CheckHistory(Database db, Map<String, Long> committedIds) {
    this.db = db;
    this.committedIds = committedIds;
  }

  /** One statement per check: the monitor's id comes from memory once a transaction that used it committed. */
  void recordCheck(String monitor, Instant at, boolean passed, Duration latency) {
    long millis = latency.toMillis();
    db.update(RECORD_CHECK, monitorId(monitor), minuteOf(at), passed ? 0 : 1, millis, millis);
  }

  private long monitorId(String monitor) {
    Long id = committedIds.get(monitor);
    if (id == null) id = newIds.get(monitor);
    if (id == null) {
      db.update(ADD_MONITOR, monitor);
      id = db.queryOne(FIND_MONITOR, row -> row.getLong(1), monitor).orElseThrow();
      newIds.put(monitor, id);
    }
    return id;
  }

  /** The ids this transaction looked up or added; the caller keeps them only after it commits. */
  Map<String, Long> newIds() {
    return newIds;
  }

  /** The minutes that start in [from, to). */
  List<MinuteStat> checkStats(String monitor, Instant from, Instant to) {
    return db.query(CHECK_STATS, row -> minuteStat(monitor, row), monitor, firstMinuteFrom(from), firstMinuteFrom(to));
  }

  /** The minutes that start in [from, to), summed by hour (each stat's minute is its hour's start). */
  List<MinuteStat> checkHours(String monitor, Instant from, Instant to) {
    return db.query(CHECK_HOURS, row -> minuteStat(monitor, row), monitor, firstMinuteFrom(from), firstMinuteFrom(to));
  }

  void recordStateChange(String monitor, Instant at, boolean up, String summary) {
    db.update(RECORD_STATE_CHANGE, monitor, at.toEpochMilli(), up ? 1 : 0, summary == null ? "" : summary);
  }

  List<StateChange> stateChanges(String monitor, Instant from, Instant to) {
    return db.query(STATE_CHANGES, CheckHistory::stateChange, monitor, from.toEpochMilli(), to.toEpochMilli());
  }

  int applyRetention(Instant now) {
    return db.update(DELETE_OLD_CHECK_MINUTES, firstMinuteFrom(now.minus(CHECK_MINUTES_KEPT)))
        + db.update(DELETE_OLD_STATE_CHANGES, now.minus(STATE_CHANGES_KEPT).toEpochMilli());
  }

  /** check_minutes.minute is in epoch minutes. */
  private static long minuteOf(Instant at) {
    return Math.floorDiv(at.toEpochMilli(), MINUTE_MILLIS);
  }

  private static long firstMinuteFrom(Instant at) {
    return -Math.floorDiv(-at.toEpochMilli(), MINUTE_MILLIS);
  }

  private static MinuteStat minuteStat(String monitor, ResultSet row) throws SQLException {
    return new MinuteStat(
        monitor,
        Instant.ofEpochMilli(row.getLong("minute") * MINUTE_MILLIS),
        row.getInt("checks"),
        row.getInt("failures"),
        row.getLong("latency_sum_ms"),
        row.getLong("latency_max_ms"));
  }

  private static StateChange stateChange(ResultSet row) throws SQLException {
    return new StateChange(
        row.getString("monitor"), Instant.ofEpochMilli(row.getLong("time")), row.getInt("up") == 1, row.getString("summary"));
  }
}
