package dev.vigil.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a shift's hand-off tells of the time since the last one, read from the store so that a restart loses none of it:
 * the alerts that fired and the monitors acknowledged in [since, until).
 *
 * @param since where the time told of began: the last hand-off recorded, or the previous shift's start
 * @param fired how many alerts of each monitor were first seen, most first (ties: the earliest first)
 * @param acknowledged the monitors with an alert acknowledged, in the order of their first acknowledgement
 */
public record ShiftFacts(Instant since, Map<String, Integer> fired, List<String> acknowledged) {
  public ShiftFacts {
    fired = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fired));
    acknowledged = List.copyOf(acknowledged);
  }

  /** The reason every hand-off notice is recorded with begins so: {@code hand-off: On call now until Mon 09:00; 2 open}. */
  public static final String HAND_OFF = "hand-off: ";

  private static final String LAST_HAND_OFF =
      "SELECT time FROM notifications WHERE channel = 'desktop' AND outcome = 'sent' AND reason LIKE '" + HAND_OFF + "%'"
          + " ORDER BY time DESC, id DESC LIMIT 1";
  /** New alerts only (first_seen, indexed); a reopen is the same incident. */
  private static final String FIRED =
      "SELECT monitor, COUNT(*) FROM alerts WHERE first_seen >= ? AND first_seen < ? GROUP BY monitor"
          + " ORDER BY COUNT(*) DESC, MIN(first_seen), monitor";
  private static final String ACKNOWLEDGED =
      "SELECT a.monitor FROM alert_events e JOIN alerts a ON a.id = e.alert_id"
          + " WHERE e.kind = 'acknowledged' AND e.time >= ? AND e.time < ? GROUP BY a.monitor ORDER BY MIN(e.time), a.monitor";

  /** The time of the last hand-off notice sent, read backwards through the log's time index. */
  static Optional<Instant> lastHandOff(Database db) {
    return db.queryOne(LAST_HAND_OFF, r -> Instant.ofEpochMilli(r.getLong(1)));
  }

  static ShiftFacts read(Database db, Instant since, Instant until) {
    long from = since.toEpochMilli();
    long to = until.toEpochMilli();
    Map<String, Integer> fired = new LinkedHashMap<>();
    db.query(FIRED, r -> Map.entry(r.getString(1), r.getInt(2)), from, to).forEach(e -> fired.put(e.getKey(), e.getValue()));
    List<String> acknowledged = db.query(ACKNOWLEDGED, r -> r.getString(1), from, to);
    return new ShiftFacts(since, fired, acknowledged);
  }
}
