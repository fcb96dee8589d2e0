package dev.vigil.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What the noise report is computed from, read in two queries: the incidents that began in a window, and the
 * alarms and pages sent in it (the {@code notifications} log).
 *
 * @param incidents every alert first seen in [since, until), oldest first
 * @param noises every alarm (ladder, "alarm: ...") and phone page (ntfy, Pushover, sent) in [since, until), oldest first
 */
public record NoiseFacts(List<Incident> incidents, List<Noise> noises) {

  /**
   * One incident.
   *
   * @param count failing checks folded into it
   * @param selfHealed resolved by the engine (the check passed again) before anyone acknowledged it
   * @param resolvedAt when it last resolved, or null while open
   */
  public record Incident(long id, String monitor, String severity, Instant firstSeen, Instant resolvedAt, long count,
      long reopens, boolean selfHealed) {}

  /** An alarm or a page, about an alert. */
  public record Noise(long alertId, Instant time, Kind kind) {}

  public enum Kind { ALARM, PAGE }

  private static final String INCIDENTS =
      "SELECT a.id, a.monitor, a.severity, a.first_seen, a.resolved_at, a.count, a.reopens,"
          + " a.state = 'resolved' AND (a.acknowledged_at IS NULL OR a.acknowledged_at > a.resolved_at)"
          + " AND (SELECT e.actor FROM alert_events e WHERE e.alert_id = a.id AND e.kind = 'resolved'"
          + " ORDER BY e.time DESC, e.id DESC LIMIT 1) = 'engine'"
          + " FROM alerts a WHERE a.first_seen >= ? AND a.first_seen < ? ORDER BY a.first_seen, a.id";
  private static final String NOISES =
      "SELECT alert_id, time, channel FROM notifications WHERE time >= ? AND time < ? AND alert_id IS NOT NULL"
          + " AND outcome = 'sent' AND ((channel = 'ladder' AND reason LIKE 'alarm:%') OR channel IN ('ntfy', 'pushover'))"
          + " ORDER BY time, id";

  static NoiseFacts read(Database db, Instant since, Instant until) {
    long from = since.toEpochMilli();
    long to = until.toEpochMilli();
    List<Incident> incidents = db.query(INCIDENTS, NoiseFacts::incident, from, to);
    List<Noise> noises = db.query(NOISES, row -> new Noise(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)),
        row.getString(3).equals("ladder") ? Kind.ALARM : Kind.PAGE), from, to);
    return new NoiseFacts(incidents, noises);
  }

  private static Incident incident(ResultSet row) throws SQLException {
    long resolved = row.getLong(5);
    Instant resolvedAt = row.wasNull() ? null : Instant.ofEpochMilli(resolved);
    return new Incident(row.getLong(1), row.getString(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4)),
        resolvedAt, row.getLong(6), row.getLong(7), row.getInt(8) == 1);
  }
}
