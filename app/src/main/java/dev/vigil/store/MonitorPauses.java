package dev.vigil.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The monitor_pauses table: monitors paused by hand, until when. */
final class MonitorPauses {
  private static final String PAUSE = "INSERT INTO monitor_pauses (monitor, until, paused_at, actor) VALUES (?, ?, ?, ?)"
      + " ON CONFLICT (monitor) DO UPDATE SET until = excluded.until, paused_at = excluded.paused_at, actor = excluded.actor";
  private static final String RESUME = "DELETE FROM monitor_pauses WHERE monitor = ? AND until > ?";
  private static final String FORGET = "DELETE FROM monitor_pauses WHERE monitor = ?";
  private static final String PAUSED = "SELECT monitor, until FROM monitor_pauses WHERE until > ? ORDER BY monitor";

  private final Database db;

  MonitorPauses(Database db) {
    this.db = db;
  }

  void pause(String monitor, Instant until, String actor, Instant at) {
    db.update(PAUSE, monitor, until.toEpochMilli(), at.toEpochMilli(), actor);
  }

  /** True when the monitor was paused at {@code at}; the pause is gone either way. */
  boolean resume(String monitor, Instant at) {
    boolean was = db.update(RESUME, monitor, at.toEpochMilli()) > 0;
    db.update(FORGET, monitor);
    return was;
  }

  Map<String, Instant> paused(Instant at) {
    Map<String, Instant> out = new LinkedHashMap<>();
    db.query(PAUSED, row -> out.put(row.getString("monitor"), Instant.ofEpochMilli(row.getLong("until"))), at.toEpochMilli());
    return out;
  }
}
