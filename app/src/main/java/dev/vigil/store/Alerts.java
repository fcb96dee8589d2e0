package dev.vigil.store;

import dev.vigil.alert.Alert;
import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.AlertState;
import dev.vigil.alert.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alerts and alert_events tables: every statement on them, on one connection. */
final class Alerts {
  static final String ENGINE = "engine";

  private static final String COLUMNS =
      "id, fingerprint, monitor, severity, state, first_seen, last_seen, resolved_at, count, summary, labels, snoozed_until,"
          + " reopens, acknowledged_at, held_by";
  private static final String OPEN = "state != 'resolved'";
  private static final String SELECT = "SELECT " + COLUMNS + " FROM alerts ";
  private static final String NEWEST_FIRST = " ORDER BY first_seen DESC, id DESC";
  private static final String OLDEST_FIRST = " ORDER BY first_seen, id";
  private static final String RETURNING = " RETURNING " + COLUMNS;

  private static final String FIND = SELECT + "WHERE id = ?";
  static final String FIND_OPEN = SELECT + "WHERE fingerprint = ? AND " + OPEN;
  static final String LIST_OPEN = SELECT + "WHERE " + OPEN + NEWEST_FIRST;
  static final String LIST_OPEN_MARKS = "SELECT id, state, count, snoozed_until, reopens FROM alerts WHERE " + OPEN + NEWEST_FIRST;
  /**
   * Fires again into the fingerprint's last alert when it resolved at or after the cutoff ({@code reopenWithin}): one
   * incident through flapping. It comes back acknowledged when a person had acknowledged it. The unique index on open
   * fingerprints still refuses a second open alert, whichever process writes.
   */
  private static final String REOPEN =
      "UPDATE alerts SET state = CASE WHEN acknowledged_at IS NULL THEN 'firing' ELSE 'acknowledged' END,"
          + " resolved_at = NULL, snoozed_until = NULL, reopens = reopens + 1, count = count + 1, last_seen = ?, summary = ?"
          + " WHERE id = (SELECT id FROM alerts WHERE fingerprint = ? AND state = 'resolved' AND resolved_at >= ?"
          + " ORDER BY resolved_at DESC LIMIT 1)"
          + " AND NOT EXISTS (SELECT 1 FROM alerts WHERE fingerprint = ? AND " + OPEN + ")" + RETURNING;
  /** Resolved alerts acknowledged after {@code ?}: the running instance hears of an acknowledgement given after a resolve. */
  private static final String ACKNOWLEDGED_AFTER_RESOLVE =
      SELECT + "WHERE state = 'resolved' AND acknowledged_at IS NOT NULL AND acknowledged_at > ? ORDER BY acknowledged_at";
  private static final String FIRE =
      "INSERT INTO alerts (fingerprint, monitor, severity, state, first_seen, last_seen, count, summary, labels, held_by)"
          + " VALUES (?, ?, ?, 'firing', ?, ?, 1, ?, ?, ?)"
          + " ON CONFLICT (fingerprint) WHERE " + OPEN
          + " DO UPDATE SET count = count + 1, last_seen = excluded.last_seen, summary = excluded.summary"
          + " RETURNING id, count";
  private static final String REPEAT =
      "UPDATE alerts SET count = count + 1, last_seen = ?, summary = ? WHERE fingerprint = ? AND " + OPEN + RETURNING;
  private static final String FOLD =
      "UPDATE alerts SET count = count + 1, last_seen = ?, summary = ? WHERE fingerprint = ? AND " + OPEN;
  private static final String RECOVER =
      "UPDATE alerts SET state = 'resolved', resolved_at = ?, snoozed_until = NULL WHERE fingerprint = ? AND " + OPEN + RETURNING;
  private static final String ACKNOWLEDGE =
      "UPDATE alerts SET state = 'acknowledged', snoozed_until = NULL, acknowledged_at = ? WHERE id = ? AND " + OPEN + RETURNING;
  /** A just-resolved alert (resolved at or after the cutoff) is the incident the person is looking at: accepted. */
  private static final String ACKNOWLEDGE_RESOLVED =
      "UPDATE alerts SET acknowledged_at = ? WHERE id = ? AND state = 'resolved' AND resolved_at >= ?" + RETURNING;
  private static final String SNOOZE =
      "UPDATE alerts SET state = 'acknowledged', snoozed_until = ?, acknowledged_at = ? WHERE id = ? AND " + OPEN + RETURNING;
  private static final String RESOLVE =
      "UPDATE alerts SET state = 'resolved', resolved_at = ?, snoozed_until = NULL WHERE id = ? AND " + OPEN + RETURNING;
  private static final String END_SNOOZES =
      "UPDATE alerts SET state = 'firing', snoozed_until = NULL, acknowledged_at = NULL"
          + " WHERE state = 'acknowledged' AND snoozed_until <= ? AND " + OPEN + RETURNING;
  private static final String ADD_EVENT = "INSERT INTO alert_events (alert_id, time, kind, note, actor) VALUES (?, ?, ?, ?, ?)";
  /** Deferred events are written this many to a statement. */
  static final int EVENTS_PER_INSERT = 64;
  private static final String ADD_EVENTS =
      "INSERT INTO alert_events (alert_id, time, kind, note, actor) VALUES "
          + String.join(", ", java.util.Collections.nCopies(EVENTS_PER_INSERT, "(?, ?, ?, ?, ?)"));
  private static final String TIMELINE =
      "SELECT alert_id, time, kind, note, actor FROM alert_events WHERE alert_id = ? ORDER BY time, id";
  /** Ids asked per statement; a shorter list is padded with its last id so one prepared statement serves all. */
  static final int IDS_PER_QUERY = 256;
  private static final String FIRST_ACKNOWLEDGED =
      "SELECT alert_id, MIN(time) FROM alert_events WHERE kind = 'acknowledged' AND alert_id IN ("
          + String.join(", ", java.util.Collections.nCopies(IDS_PER_QUERY, "?")) + ") GROUP BY alert_id";

  private final Database db;
  /** Events not yet written, in order, when this writes them in bulk at the end of a transaction; else null. */
  private final List<Object> deferred;

  Alerts(Database db) {
    this(db, false);
  }

  /** With {@code deferEvents}, events wait in memory until {@link #flushEvents()}, which the transaction calls last. */
  Alerts(Database db, boolean deferEvents) {
    this.db = db;
    this.deferred = deferEvents ? new ArrayList<>() : null;
  }

  List<Alert> open() {
    return db.query(LIST_OPEN, Alerts::alert);
  }

  List<AlertMark> openMarks() {
    return db.query(LIST_OPEN_MARKS,
        row -> new AlertMark(row.getLong(1), AlertState.parse(row.getString(2)), row.getLong(3), instant(row, 4), row.getLong(5)));
  }

  Optional<Alert> find(long id) {
    return db.queryOne(FIND, Alerts::alert, id);
  }

  Optional<Alert> findOpen(String fingerprint) {
    return db.queryOne(FIND_OPEN, Alerts::alert, fingerprint);
  }

  Alert fire(String fingerprint, String monitor, Severity severity, String summary, Map<String, String> labels, Instant at,
      Instant reopenCutoff) {
    return fire(fingerprint, monitor, severity, summary, labels, at, reopenCutoff, null);
  }

  /**
   * Opens an alert, folds into the open one, or, when the fingerprint's last alert resolved at or after
   * {@code reopenCutoff}, reopens that one (event "reopened"). A null cutoff never reopens. A new alert is held back
   * by {@code heldBy} (a failing parent; null for none).
   */
  Alert fire(String fingerprint, String monitor, Severity severity, String summary, Map<String, String> labels, Instant at,
      Instant reopenCutoff, String heldBy) {
    long millis = at.toEpochMilli();
    String text = text(summary);
    if (reopenCutoff != null) {
      Optional<Alert> reopened = db.queryOne(REOPEN, Alerts::alert, millis, text, fingerprint, reopenCutoff.toEpochMilli(), fingerprint);
      if (reopened.isPresent()) {
        Alert a = reopened.get();
        addEvent(a.id(), at, "reopened", "reopen " + a.reopens() + ": " + a.summary(), ENGINE);
        return a;
      }
    }
    long[] idCount = db.queryOne(FIRE, row -> new long[] {row.getLong(1), row.getLong(2)},
            fingerprint, monitor, severity.label(), millis, millis, text, LabelsJson.write(labels), heldBy)
        .orElseThrow();
    if (idCount[1] > 1) return find(idCount[0]).orElseThrow(); // folded into the alert already open
    // A new row holds exactly what was bound (times to the millisecond, as stored): no need to read it back.
    Instant stored = Instant.ofEpochMilli(millis);
    Alert alert = new Alert(idCount[0], fingerprint, monitor, severity, AlertState.FIRING, stored, stored, null, 1, text,
        labels == null ? Map.of() : labels, null, heldBy);
    addEvent(alert.id(), at, "fired", alert.summary(), ENGINE);
    if (heldBy != null) addEvent(alert.id(), at, "held", "held: " + heldBy + " is down", ENGINE);
    return alert;
  }

  Optional<Alert> repeat(String fingerprint, String summary, Instant at) {
    return db.queryOne(REPEAT, Alerts::alert, at.toEpochMilli(), text(summary), fingerprint);
  }

  /** {@link #repeat} without reading the row back: true if an open alert took it. */
  boolean fold(String fingerprint, String summary, Instant at) {
    return db.update(FOLD, at.toEpochMilli(), text(summary), fingerprint) > 0;
  }

  Optional<Alert> recover(String fingerprint, String note, Instant at) {
    return withEvent(db.queryOne(RECOVER, Alerts::alert, at.toEpochMilli(), fingerprint), at, "resolved", note, ENGINE);
  }

  /**
   * Acknowledges an open alert, or one resolved at or after {@code resolvedCutoff} (it stays resolved, and comes back
   * acknowledged if it reopens). A null cutoff acknowledges open alerts only.
   */
  Optional<Alert> acknowledge(long id, String note, String actor, Instant at, Instant resolvedCutoff) {
    Optional<Alert> done = db.queryOne(ACKNOWLEDGE, Alerts::alert, at.toEpochMilli(), id);
    if (done.isEmpty() && resolvedCutoff != null) {
      done = db.queryOne(ACKNOWLEDGE_RESOLVED, Alerts::alert, at.toEpochMilli(), id, resolvedCutoff.toEpochMilli());
    }
    return withEvent(done, at, "acknowledged", note, actor);
  }

  List<Alert> acknowledgedAfterResolve(Instant after) {
    return db.query(ACKNOWLEDGED_AFTER_RESOLVE, Alerts::alert, after.toEpochMilli());
  }

  Optional<Alert> snooze(long id, Instant until, String actor, Instant at) {
    until = until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored, so the note says what the row holds
    return withEvent(db.queryOne(SNOOZE, Alerts::alert, until.toEpochMilli(), at.toEpochMilli(), id), at, "snoozed", "until " + until, actor);
  }

  Optional<Alert> resolve(long id, String note, String actor, Instant at) {
    return withEvent(db.queryOne(RESOLVE, Alerts::alert, at.toEpochMilli(), id), at, "resolved", note, actor);
  }

  List<Alert> endSnoozes(Instant now) {
    List<Alert> woken = db.query(END_SNOOZES, Alerts::alert, now.toEpochMilli());
    for (Alert alert : woken) addEvent(alert.id(), now, "snooze ended", null, ENGINE);
    return woken;
  }

  void addEvent(long alertId, Instant at, String kind, String note, String actor) {
    if (deferred == null) {
      db.update(ADD_EVENT, alertId, at.toEpochMilli(), kind, note, actor);
    } else {
      java.util.Collections.addAll(deferred, alertId, at.toEpochMilli(), kind, note, actor);
    }
  }

  /** Writes the deferred events in the order they came, {@link #EVENTS_PER_INSERT} rows a statement. */
  void flushEvents() {
    if (deferred == null || deferred.isEmpty()) return;
    int columns = 5;
    int rows = deferred.size() / columns;
    int row = 0;
    for (; row + EVENTS_PER_INSERT <= rows; row += EVENTS_PER_INSERT) {
      db.update(ADD_EVENTS, deferred.subList(row * columns, (row + EVENTS_PER_INSERT) * columns).toArray());
    }
    for (; row < rows; row++) db.update(ADD_EVENT, deferred.subList(row * columns, (row + 1) * columns).toArray());
    deferred.clear();
  }

  List<AlertEvent> timeline(long alertId) {
    return db.query(TIMELINE, Alerts::event, alertId);
  }

  /** One query per {@link #IDS_PER_QUERY} ids, on the (alert_id, time) index. */
  Map<Long, Instant> firstAcknowledged(java.util.Collection<Long> alertIds) {
    List<Long> ids = new ArrayList<>(alertIds);
    Map<Long, Instant> first = new java.util.HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
      Object[] params = new Object[IDS_PER_QUERY];
      for (int i = 0; i < IDS_PER_QUERY; i++) params[i] = chunk.get(Math.min(i, chunk.size() - 1));
      for (long[] row : db.query(FIRST_ACKNOWLEDGED, r -> new long[] {r.getLong(1), r.getLong(2)}, params)) {
        first.put(row[0], Instant.ofEpochMilli(row[1]));
      }
    }
    return first;
  }

  Page<Alert> history(HistoryQuery query) {
    HistorySql sql = HistorySql.of(query);
    List<Alert> rows = db.query(sql.text(), Alerts::alert, sql.params());
    boolean more = rows.size() > query.limit();
    List<Alert> items = new ArrayList<>(more ? rows.subList(0, query.limit()) : rows);
    Alert last = items.isEmpty() ? null : items.get(items.size() - 1);
    HistoryQuery.Cursor next = more ? new HistoryQuery.Cursor(last.firstSeen(), last.id()) : null;
    if (query.before() != null) Collections.reverse(items); // read oldest first upwards; listed newest first
    return new Page<>(items, next);
  }

  private Optional<Alert> withEvent(Optional<Alert> changed, Instant at, String kind, String note, String actor) {
    changed.ifPresent(alert -> addEvent(alert.id(), at, kind, note, actor));
    return changed;
  }

  /**
   * The SELECT for one page of history by keyset (first_seen, id), one row more than the limit: newest first below an
   * {@code after} cursor, oldest first above a {@code before} cursor (the same index read backwards).
   */
  record HistorySql(String text, Object[] params) {
    static HistorySql of(HistoryQuery query) {
      if (query.limit() < 1) throw new IllegalArgumentException("limit must be at least 1, was " + query.limit());
      StringBuilder where = new StringBuilder();
      List<Object> params = new ArrayList<>();
      if (query.since() != null) and(where, "first_seen >= ?", params, query.since().toEpochMilli());
      if (query.until() != null) and(where, "first_seen < ?", params, query.until().toEpochMilli());
      if (query.monitor() != null) and(where, "monitor = ?", params, query.monitor());
      if (query.severity() != null) and(where, "severity = ?", params, query.severity().label());
      if (query.state() != null) and(where, "state = ?", params, query.state().label());
      if (query.state() != null && query.state().isOpen()) where.append(" AND " + OPEN);
      if (query.text() != null && !query.text().isBlank()) {
        String pattern = "%" + escapeLike(query.text().trim()) + "%";
        and(where, "(monitor LIKE ? ESCAPE '\\' OR summary LIKE ? ESCAPE '\\')", params, pattern);
        params.add(pattern);
      }
      if (query.after() != null) {
        and(where, "(first_seen, id) < (?, ?)", params, query.after().firstSeen().toEpochMilli());
        params.add(query.after().id());
      }
      if (query.before() != null) {
        and(where, "(first_seen, id) > (?, ?)", params, query.before().firstSeen().toEpochMilli());
        params.add(query.before().id());
      }
      params.add(query.limit() + 1);
      return new HistorySql(SELECT + where + (query.before() == null ? NEWEST_FIRST : OLDEST_FIRST) + " LIMIT ?", params.toArray());
    }

    private static void and(StringBuilder where, String condition, List<Object> params, Object param) {
      where.append(where.length() == 0 ? "WHERE " : " AND ").append(condition);
      params.add(param);
    }

    private static String escapeLike(String text) {
      return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
  }

  /** A row of {@link #COLUMNS}, read by position. */
  private static Alert alert(ResultSet row) throws SQLException {
    return new Alert(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        Severity.parse(row.getString(4)).orElseThrow(),
        AlertState.parse(row.getString(5)),
        instant(row, 6),
        instant(row, 7),
        instant(row, 8),
        row.getLong(9),
        row.getString(10),
        LabelsJson.read(row.getString(11)),
        instant(row, 12),
        row.getLong(13),
        instant(row, 14),
        row.getString(15));
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static AlertEvent event(ResultSet row) throws SQLException {
    return new AlertEvent(
        row.getLong("alert_id"), instant(row, "time"), row.getString("kind"), row.getString("note"), row.getString("actor"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static String text(String summary) {
    return summary == null ? "" : summary;
  }

}
